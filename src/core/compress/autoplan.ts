import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import type { LayerState, ModelState } from './state';
import { encodeAs } from './state';
import type { SplitData } from './session';
import type { CodebookGroup, LayerFormat, Normalization } from './types';

/** The next step up in precision of a stored format. */
function promote(f: LayerFormat, keep: 'int8' | 'float32'): LayerFormat | null {
  if (f === 'pq') return keep;
  if (f === 'int8') return 'float32';
  return null;
}

/** The layer to promote next: highest sensitivity (unknown counts as 0), ties to the smaller layer. */
function pick(layers: LayerState[], level: LayerFormat): LayerState | null {
  let best: LayerState | null = null;
  for (const l of layers) {
    if (l.cur.enc.format !== level) continue;
    if (!best) { best = l; continue; }
    const a = l.sensitivityPp ?? 0;
    const b = best.sensitivityPp ?? 0;
    if (a > b || (a === b && l.route.params < best.route.params)) best = l;
  }
  return best;
}

/**
 * Auto-plan: while the model is below `target` accuracy on `split`, stores the most sensitive PQ layer
 * in `keep` format instead (then, if every PQ layer is promoted and it is still below target, the most
 * sensitive int8 layer as float32). Keeps the most bytes compressed that the budget allows, greedily.
 * If even that misses the target (biases tuned by the recovery may not suit float kernels), the model
 * goes back to its original float weights. Returns the `<layer>: <format>` changes made. Mutates the
 * state and session.
 */
export async function autoPlanModel(
  st: ModelState, split: SplitData, target: number, keep: 'int8' | 'float32',
  codebooks: CodebookGroup[], norm: Normalization, onProgress?: ProgressFn, shouldCancel?: CancelCheck,
): Promise<Record<string, LayerFormat>> {
  const changes: Record<string, LayerFormat> = {};
  for (const level of ['pq', 'int8'] as const) {
    while (st.valNow < target) {
      await throwIfCancelled(shouldCancel);
      const l = pick(st.layers, level);
      if (!l) break;
      const to = promote(level, keep)!;
      l.cur = encodeAs(to, l.layer, l.tuned ?? l.float, null, codebooks, norm);
      l.route = { ...l.route, format: to, group: null };
      st.session.setKernel(l.layer.name, l.cur.decoded);
      st.valNow = st.session.accuracy(split);
      changes[l.layer.name] = to;
      onProgress?.({ fraction: 1 - 1 / (2 + Object.keys(changes).length), phase: 'autoplan', message: `${st.input.ir.name}/${l.layer.name} -> ${to}: ${(st.valNow * 100).toFixed(2)} %` });
    }
  }
  if (st.valNow < target) {
    // Last resort: the original float model (its biases too), which meets any budget >= 0.
    st.session.restore(st.floatSnapshot);
    for (const l of st.layers) {
      if (l.cur.enc.format !== 'float32') changes[l.layer.name] = 'float32';
      l.cur = { enc: { format: 'float32' }, decoded: l.float };
      l.route = { ...l.route, format: 'float32', group: null };
      l.tuned = null;
    }
    st.valNow = st.valFloat;
  }
  return changes;
}
