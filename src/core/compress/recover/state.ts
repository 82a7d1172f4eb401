/**
 * The working state of the EM recovery of one model (the paper's network optimisation): its session with
 * the stored weights, each weight layer's current encoding and float shadow, and the selection split's
 * reference. Local to the recovery stage; the pipeline passes plain stage outputs.
 */
import type { WeightLayer } from '../../models/ir';
import type { Split } from '../../data/types';
import type { Encoded } from '../encode/encode';
import type { AssignSpec } from '../encode/layer';
import { encodeLayer } from '../encode/layer';
import type { ModelSession } from '../evaluate/session';
import type { CompressInput } from '../input/types';
import type { Teacher } from './finetune';
import type { CodebookGroup, RecoveryStep } from '../types';

/** One weight layer during the recovery. */
export interface LayerState {
  layer: WeightLayer;
  /** The layer's codebook (PQ), else null. */
  codebook: CodebookGroup | null;
  /** The original float kernel (IR layout). */
  float: Float32Array;
  /** The float kernel after the EM fine-tuning of this layer (before its re-assignment), else null. */
  tuned: Float32Array | null;
  /** The current encoding and its decoded kernel. */
  cur: Encoded;
  recovered: boolean;
}

/** One model during the recovery. */
export interface ModelState {
  input: CompressInput;
  session: ModelSession;
  /** The session's weights as loaded (the float model): the distillation teacher's weights. */
  floatSnapshot: Float32Array[];
  layers: LayerState[];
  /** How layers are re-assigned (the stage's spec; GPTQ statistics dropped: the shadows move). */
  assign: AssignSpec;
  /** The float model's predicted classes on the selection split. */
  selPred: Int32Array;
  /** Accuracy on the selection split of the current state. */
  valAcc: number;
  /** The score decisions compare (the selection accuracy). */
  valNow: number;
  recovery: RecoveryStep[];
  /** Distillation targets, computed on first use. */
  teacher: Teacher | null;
}

/** Re-encodes a layer's kernel in its current format (the E-step). */
export function reencode(st: ModelState, l: LayerState, kernel: Float32Array): Encoded {
  const f = l.cur.enc.format;
  return encodeLayer(l.layer, kernel, f === 'pq' ? l.codebook! : f, { ...st.assign, stats: null });
}

/** Mean squared difference between two kernels, per parameter. */
export function meanSquaredDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) { const v = a[i] - b[i]; s += v * v; }
  return a.length ? s / a.length : 0;
}

/** Scores the current weights on the selection split (accuracy); updates `st.valAcc`. */
export function selectionScore(st: ModelState, split: Split): number {
  const p = st.session.predictClasses(split.x, split.n);
  let ok = 0;
  for (let i = 0; i < split.n; i++) if (p[i] === split.y[i]) ok++;
  st.valAcc = ok / Math.max(1, split.n);
  return st.valAcc;
}
