import type { ModelIR, WeightLayer } from '../models/ir';
import type { Encoded } from './encode';
import { encodeInt8, encodePQ } from './encode';
import type { LayerRoute } from './routing';
import type { ModelSession, SplitData } from './session';
import type { CodebookGroup, LayerFormat, Normalization, RecoveryStep } from './types';

/** One model handed to the pipeline: its float IR and its task's data (train only needed for recovery). */
export interface CompressInput {
  ir: ModelIR;
  train: SplitData | null;
  val: SplitData;
  test: SplitData;
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
  /** Accuracy on the selection split of the current state. */
  valNow: number;
  recovery: RecoveryStep[];
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
export function selectionSplit(input: CompressInput, on: 'val' | 'test'): SplitData {
  return on === 'test' ? input.test : input.val;
}

/** Everything a search step may change in a model state, to go back to it. */
export interface SavedState {
  valNow: number;
  snap: Float32Array[];
  layers: { cur: Encoded; tuned: Float32Array | null; route: LayerRoute; recovered: boolean }[];
}

/** Saves the session weights and every layer's encoding, shadow and route. */
export function saveState(st: ModelState): SavedState {
  return {
    valNow: st.valNow, snap: st.session.snapshot(),
    layers: st.layers.map((l) => ({ cur: l.cur, tuned: l.tuned, route: l.route, recovered: l.recovered })),
  };
}

/** Restores a state saved by saveState. */
export function restoreState(st: ModelState, s: SavedState): void {
  st.valNow = s.valNow;
  st.session.restore(s.snap);
  st.layers.forEach((l, i) => Object.assign(l, s.layers[i]));
}
