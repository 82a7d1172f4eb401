import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import type { Encoded } from './encode';
import type { LayerState, ModelState } from './state';
import { encodeAs } from './state';
import type { SplitData } from './session';
import type { CodebookGroup, LayerFormat, Normalization } from './types';

/**
 * Candidates at one precision level in promotion order: the most accuracy per stored weight first
 * (sensitivity / params, unknown sensitivity counts as 0), ties to the smaller layer.
 */
function candidates(layers: LayerState[], level: LayerFormat): LayerState[] {
  const score = (l: LayerState) => (l.sensitivityPp ?? 0) / Math.max(1, l.route.params);
  return layers.filter((l) => l.cur.enc.format === level).sort((a, b) => score(b) - score(a) || a.route.params - b.route.params);
}

/** Stores a layer as `e` in the state and the session. */
function put(st: ModelState, l: LayerState, e: Encoded, format: LayerFormat, group: string | null): void {
  l.cur = e;
  l.route = { ...l.route, format, group };
  st.session.setKernel(l.layer.name, e.decoded);
}

/** Options of the auto-plan. */
export interface AutoPlanOptions {
  keep: 'int8' | 'float32';
  codebooks: CodebookGroup[];
  normalization: Normalization;
  /** One EM recovery round after each promotion (when the plan has recovery), so the rest re-adapts. */
  recoverOnce?: (st: ModelState) => Promise<void>;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
}

/**
 * Auto-plan: while the model is below `target` accuracy on `split`, stores one more PQ layer in the
 * `keep` format instead — the one with the highest sensitivity per weight, so the fewest bytes are given
 * up — from its fine-tuned kernel when the recovery made one, then lets one EM round re-adapt the
 * others (with `keep: 'float32'`, int8 layers then go float32 the same way). If the target is still
 * missed, the model falls back to int8 everywhere from its original weights, and if even that misses, to its original
 * float weights (so any budget >= 0 holds). Returns the `<layer>: <format>` changes. Mutates the state.
 */
export async function autoPlanModel(st: ModelState, split: SplitData, target: number, opt: AutoPlanOptions): Promise<Record<string, LayerFormat>> {
  const changes: Record<string, LayerFormat> = {};
  const steps: [LayerFormat, LayerFormat][] = opt.keep === 'int8' ? [['pq', 'int8']] : [['pq', 'float32'], ['int8', 'float32']];
  for (const [from, to] of steps) {
    for (const l of candidates(st.layers, from)) {
      if (st.valNow >= target) break;
      await throwIfCancelled(opt.shouldCancel);
      put(st, l, encodeAs(to, l.layer, l.tuned ?? l.float, null, opt.codebooks, opt.normalization), to, null);
      changes[l.layer.name] = to;
      st.valNow = st.session.accuracy(split);
      if (st.valNow < target && opt.recoverOnce) await opt.recoverOnce(st);
      opt.onProgress?.({ fraction: 1 - 1 / (2 + Object.keys(changes).length), phase: 'autoplan', message: `${st.input.ir.name}/${l.layer.name} -> ${to}: ${(st.valNow * 100).toFixed(2)} %` });
    }
  }
  if (st.valNow < target) fallBack(st, split, target, changes);
  return changes;
}

/** Last resorts: int8 everywhere from the original weights (biases too); else the original float model. */
function fallBack(st: ModelState, split: SplitData, target: number, changes: Record<string, LayerFormat>): void {
  st.session.restore(st.floatSnapshot);
  for (const l of st.layers) {
    l.tuned = null;
    put(st, l, encodeAs('int8', l.layer, l.float, null, [], 'none'), 'int8', null);
  }
  const acc = st.session.accuracy(split);
  const format: LayerFormat = acc >= target ? 'int8' : 'float32';
  if (format === 'float32') {
    st.session.restore(st.floatSnapshot);
    for (const l of st.layers) { l.cur = { enc: { format: 'float32' }, decoded: l.float }; l.route = { ...l.route, format: 'float32', group: null }; }
  }
  for (const l of st.layers) changes[l.layer.name] = format;
  st.valNow = format === 'int8' ? acc : st.valFloat;
}
