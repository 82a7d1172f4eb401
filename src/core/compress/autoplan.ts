import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import type { Encoded } from './encode/encode';
import type { LayerState, ModelState } from './state';
import { encodeAs, restoreState, saveState, selectionScore } from './state';
import type { Split } from '../data/types';
import type { CodebookGroup, LayerFormat, LayerOverride, Normalization } from './types';
import { FINE_GROUP, MEDIUM_GROUP, isCoarseGroup, isTierGroup } from './plan/routing';

/** A rung of the precision ladder: layers stored as `from` move to `to` (its group may depend on the layer). */
interface Rung {
  from: (l: LayerState) => boolean;
  to: { format: LayerFormat; group: string | null | ((l: LayerState) => string); override: LayerOverride };
}

const groupOf = (rung: Rung, l: LayerState): string | null => (typeof rung.to.group === 'function' ? rung.to.group(l) : rung.to.group);

/**
 * Candidates of a rung in promotion order: the most accuracy per stored weight first (sensitivity /
 * params, unknown sensitivity counts as 0), ties to the smaller layer.
 */
function candidates(layers: LayerState[], rung: Rung): LayerState[] {
  const score = (l: LayerState) => (l.sensitivityPp ?? 0) / Math.max(1, l.route.params);
  return layers.filter(rung.from).sort((a, b) => score(b) - score(a) || a.route.params - b.route.params);
}

/** Stores a layer as `e` in the state and the session. */
function put(st: ModelState, l: LayerState, e: Encoded, format: LayerFormat, group: string | null): void {
  l.cur = e;
  l.route = { ...l.route, format, group };
  st.session.setKernel(l.layer.name, e.decoded);
}

/** Encodes `kernel` as the rung's destination for `l`, stores it there and returns the encoding. */
function moveTo(st: ModelState, l: LayerState, rung: Rung, kernel: Float32Array, opt: AutoPlanOptions): Encoded {
  const group = groupOf(rung, l);
  const e = encodeAs(rung.to.format, l.layer, kernel, group, opt.codebooks, opt.normalization);
  put(st, l, e, rung.to.format, group);
  return e;
}

/** Options of the auto-plan. */
export interface AutoPlanOptions {
  keep: 'int8' | 'float32';
  codebooks: CodebookGroup[];
  normalization: Normalization;
  /** One EM recovery round starting with the given layer (when the plan has recovery). */
  recoverOnce?: (st: ModelState, first: LayerState) => Promise<void>;
  /** At most this many moves get an EM round (to bound the time); later moves are judged as they are. */
  maxEmMoves?: number;
  /** Leave the `medium` codebook out of the ladder (the path through `fine` only). */
  skipMedium?: boolean;
  /** Take the last resorts when the ladder misses the target (default true); else leave the model short. */
  fallBack?: boolean;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
}

/**
 * Moves `l` one rung up — encoded from its fine-tuned kernel (if the recovery made one) or its original
 * float kernel, whichever scores better — then, while still short of `target`, lets one EM round
 * (starting with `l`) re-adapt the model. Keeps the move only if the score ends at least one sample's
 * worth (1 / n) higher than before it;
 * otherwise everything goes back.
 */
async function tryPromote(st: ModelState, l: LayerState, rung: Rung, split: Split, target: number, opt: AutoPlanOptions, em: boolean): Promise<boolean> {
  const before = saveState(st);
  let best: { e: Encoded; score: number; acc: number } | null = null;
  for (const k of l.tuned ? [l.tuned, l.float] : [l.float]) {
    const e = moveTo(st, l, rung, k, opt);
    const score = selectionScore(st, split);
    if (!best || score > best.score) best = { e, score, acc: st.valAcc };
  }
  // inference is deterministic: the best encoding's score stands without evaluating it again
  put(st, l, best!.e, rung.to.format, groupOf(rung, l));
  st.valNow = best!.score;
  st.valAcc = best!.acc;
  if (em && st.valNow < target && opt.recoverOnce) await opt.recoverOnce(st, l);
  // a move costs bytes: keep it only for at least one more sample's worth of score, not for noise
  if (st.valNow >= before.valNow + 1 / Math.max(1, split.n)) return true;
  restoreState(st, before);
  return false;
}

/**
 * Auto-plan: while the model is below `target` accuracy on `split`, moves its layers up a precision
 * ladder — PQ in the coarse codebooks -> their kind's codebook -> the shared `medium` codebook (when
 * learned and not skipped) -> the shared `fine` codebook (when learned) -> the `keep` format — the most
 * sensitive per weight first, so the fewest bytes are given up; each of the first `maxEmMoves` moves is
 * followed by one EM round (when the plan has recovery), and a move is kept only if the model ends at
 * least one sample's worth more accurate (by the selection score). If the target is still missed and
 * `fallBack` is not false, it takes the last resorts (fallBack) until one meets it, down to the original
 * float model (so any budget >= 0 holds).
 * Returns the per-layer changes as plan overrides. Mutates the state and session.
 */
export async function autoPlanModel(st: ModelState, split: Split, target: number, opt: AutoPlanOptions): Promise<Record<string, LayerOverride>> {
  const changes: Record<string, LayerOverride> = {};
  let moves = 0;
  for (const rung of ladder(opt)) {
    for (const l of candidates(st.layers, rung)) {
      if (st.valNow >= target) break;
      await throwIfCancelled(opt.shouldCancel);
      const em = moves++ < (opt.maxEmMoves ?? Infinity);
      if (await tryPromote(st, l, rung, split, target, opt, em)) changes[l.layer.name] = rung.to.override;
      opt.onProgress?.({ fraction: 1 - 1 / (2 + Object.keys(changes).length), phase: 'autoplan', message: `${st.input.ir.name}/${l.layer.name}: ${(st.valNow * 100).toFixed(2)} %` });
    }
  }
  if (st.valNow < target && opt.fallBack !== false) fallBack(st, split, target, changes, opt);
  return changes;
}

/**
 * Before recovery: when the model is further than the recovery can be expected to close (its score
 * below `goal`), moves layers up the shared-tier rungs (to `medium`, then to `fine`, when learned; else
 * to `keep`) the most sensitive per weight first, each judged by one evaluation (no EM round) and kept
 * only if it gains at least one sample's worth, until the score reaches `goal`. Needs the sensitivity
 * measured. Returns the changes as plan overrides.
 */
export async function prePromote(st: ModelState, split: Split, goal: number, opt: AutoPlanOptions): Promise<Record<string, LayerOverride>> {
  const changes: Record<string, LayerOverride> = {};
  const rungs = ladder(opt);
  const tiers = rungs.filter((r) => r.to.override === 'pq-medium' || r.to.override === 'pq-fine');
  for (const rung of tiers.length ? tiers : [rungs.find((r) => r.to.format !== 'pq')!]) {
    for (const l of candidates(st.layers, rung)) {
      if (st.valNow >= goal) break;
      await throwIfCancelled(opt.shouldCancel);
      if (await tryPromote(st, l, rung, split, goal, opt, false)) changes[l.layer.name] = rung.to.override;
      opt.onProgress?.({ fraction: 1 - 1 / (2 + Object.keys(changes).length), phase: 'autoplan', message: `${st.input.ir.name}/${l.layer.name}: ${(st.valAcc * 100).toFixed(2)} %` });
    }
  }
  return changes;
}

/**
 * The precision ladder: coarse tier -> its kind's codebook (when learned) -> medium PQ (when learned) ->
 * fine PQ (when learned) -> keep format (-> float32 when keep is float32).
 */
function ladder(opt: AutoPlanOptions): Rung[] {
  const has = (g: string) => opt.codebooks.some((c) => c.name === g);
  const isPq = (l: LayerState) => l.cur.enc.format === 'pq';
  const rungs: Rung[] = [];
  rungs.push({
    from: (l) => isPq(l) && isCoarseGroup(l.route.group) && has(l.route.kernelClass),
    to: { format: 'pq', group: (l) => l.route.kernelClass, override: 'pq' },
  });
  if (has(MEDIUM_GROUP) && !opt.skipMedium) rungs.push({ from: (l) => isPq(l) && !isTierGroup(l.route.group), to: { format: 'pq', group: MEDIUM_GROUP, override: 'pq-medium' } });
  if (has(FINE_GROUP)) rungs.push({ from: (l) => isPq(l) && l.route.group !== FINE_GROUP, to: { format: 'pq', group: FINE_GROUP, override: 'pq-fine' } });
  rungs.push({ from: isPq, to: { format: opt.keep, group: null, override: opt.keep } });
  if (opt.keep === 'float32') rungs.push({ from: (l) => l.cur.enc.format === 'int8', to: { format: 'float32', group: null, override: 'float32' } });
  return rungs;
}

/**
 * Last resorts, taken as soon as one meets `target`: layer by layer (most sensitive per weight first, one
 * evaluation each) every PQ layer outside the fine codebook to it, then every PQ layer to int8 (both from
 * the fine-tuned kernels where the recovery made them); int8 everywhere from the original weights and
 * biases; the original float model.
 */
function fallBack(st: ModelState, split: Split, target: number, changes: Record<string, LayerOverride>, opt: AutoPlanOptions): void {
  // layer by layer up the fine rung (when learned) then the int8 rung, the most sensitive per weight first,
  // without asking each move to gain (a move that only narrows the gap to the float model still counts),
  // until the target is met: the coarse and medium rungs are no last resorts
  for (const rung of ladder({ ...opt, keep: 'int8' }).filter((r) => r.to.override === 'pq-fine' || r.to.override === 'int8')) {
    for (const l of candidates(st.layers, rung)) {
      moveTo(st, l, rung, l.tuned ?? l.float, opt);
      changes[l.layer.name] = rung.to.override;
      st.valNow = selectionScore(st, split);
      if (st.valNow >= target) return;
    }
  }
  st.session.restore(st.floatSnapshot);
  for (const l of st.layers) {
    l.tuned = null;
    put(st, l, encodeAs('int8', l.layer, l.float, null, [], 'none'), 'int8', null);
    changes[l.layer.name] = 'int8';
  }
  st.valNow = selectionScore(st, split);
  if (st.valNow >= target) return;
  st.session.restore(st.floatSnapshot);
  for (const l of st.layers) {
    l.cur = { enc: { format: 'float32' }, decoded: l.float };
    l.route = { ...l.route, format: 'float32', group: null };
    changes[l.layer.name] = 'float32';
  }
  st.valNow = st.valFloat;
  st.valAcc = st.valFloat;
}
