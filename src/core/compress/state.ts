import type { ModelIR, WeightLayer } from '../models/ir';
import type { Encoded } from './encode';
import { encodeInt8, encodePQ } from './encode';
import type { LayerRoute } from './routing';
import type { ModelSession } from './session';
import type { Split } from '../data/types';
import type { Teacher } from './finetune';
import type { Calibration } from '../quant/calibrate';
import type { CodebookGroup, LayerFormat, Normalization, RecoveryStep } from './types';

/** One model handed to the pipeline: its float IR and its task's data (train only needed for recovery). */
export interface CompressInput {
  ir: ModelIR;
  train: Split | null;
  val: Split;
  test: Split;
  /** Bytes the imported model's weights take as stored (quantised shards, .tflite file), when imported from files. */
  storedBytes?: number;
}

/** Working state of one weight layer during a run. */
export interface LayerState {
  route: LayerRoute;
  /** The layer in the float IR. */
  layer: WeightLayer;
  /** The original float kernel (IR layout). */
  float: Float32Array;
  /** The float kernel after the EM fine-tuning of this layer (before its re-assignment), else null. */
  tuned: Float32Array | null;
  /** The current encoding and its decoded kernel. */
  cur: Encoded;
  sensitivityPp: number | null;
  recovered: boolean;
}

/** Working state of one model during a run. */
export interface ModelState {
  input: CompressInput;
  session: ModelSession;
  /** The session's weights as loaded (the float model), for the auto-plan's last resort. */
  floatSnapshot: Float32Array[];
  layers: LayerState[];
  valFloat: number;
  testFloat: number;
  /** The float model's predicted classes on the selection split. */
  selPred: Int32Array;
  /** The float model's predicted classes on the test split. */
  testPred: Int32Array;
  /** Confidence multiplier of the selection score (plan.selectionZ). */
  z: number;
  /** Accuracy on the selection split of the current state. */
  valAcc: number;
  /**
   * Selection score of the current state: accuracy minus z standard errors of its difference to the
   * float model (see selectionScore). Every decision compares this with the target.
   */
  valNow: number;
  recovery: RecoveryStep[];
  /** Distillation targets, computed on first use. */
  teacher: Teacher | null;
  /** The int8 activation parameters (plans with int8 activations), else null. */
  calibration: Calibration | null;
}

/** Encodes a kernel in a format: PQ against its fixed group codebook, int8, or float32 (kept as is). */
export function encodeAs(
  format: LayerFormat, layer: WeightLayer, kernel: Float32Array, group: string | null,
  codebooks: CodebookGroup[], norm: Normalization,
): Encoded {
  const shape = layer.kernel.shape;
  if (format === 'int8') return encodeInt8(layer.kind, shape, kernel);
  if (format === 'float32') return { enc: { format: 'float32' }, decoded: kernel.slice() };
  const cb = codebooks.find((c) => c.name === group);
  if (!cb) throw new Error(`layer '${layer.name}' is routed to codebook group '${group}', which does not exist`);
  return encodePQ(layer.kind, shape, kernel, cb, norm);
}

/** Mean squared difference between two kernels, per parameter. */
export function meanSquaredDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) { const v = a[i] - b[i]; s += v * v; }
  return a.length ? s / a.length : 0;
}

/** Accuracy on the split the plan selects with (val or test). */
export function selectionSplit(input: CompressInput, on: 'val' | 'test'): Split {
  return on === 'test' ? input.test : input.val;
}

/**
 * Scores the current weights on the selection split: accuracy minus z * sqrt(q / n), where q is the
 * fraction of samples on which the compressed and the float model disagree — the standard error of the
 * measured accuracy difference. A lower confidence bound, so that a model judged within budget here
 * stays within budget on unseen data more often than not. Updates `st.valAcc`, returns the score.
 */
export function selectionScore(st: ModelState, split: Split): number {
  const p = st.session.predictClasses(split.x, split.n);
  let ok = 0;
  let differ = 0;
  for (let i = 0; i < split.n; i++) {
    if (p[i] === split.y[i]) ok++;
    if (p[i] !== st.selPred[i]) differ++;
  }
  const n = Math.max(1, split.n);
  st.valAcc = ok / n;
  return st.valAcc - st.z * Math.sqrt(differ / n / n);
}

/** Everything a search step may change in a model state, to go back to it. */
export interface SavedState {
  valAcc: number;
  valNow: number;
  snap: Float32Array[];
  layers: { cur: Encoded; tuned: Float32Array | null; route: LayerRoute; recovered: boolean }[];
}

/** Saves the session weights and every layer's encoding, shadow and route. */
export function saveState(st: ModelState): SavedState {
  return {
    valAcc: st.valAcc, valNow: st.valNow, snap: st.session.snapshot(),
    layers: st.layers.map((l) => ({ cur: l.cur, tuned: l.tuned, route: l.route, recovered: l.recovered })),
  };
}

/** Restores a state saved by saveState. */
export function restoreState(st: ModelState, s: SavedState): void {
  st.valNow = s.valNow;
  st.valAcc = s.valAcc;
  st.session.restore(s.snap);
  st.layers.forEach((l, i) => Object.assign(l, s.layers[i]));
}
