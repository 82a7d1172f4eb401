/**
 * Which parts of the store are the user's work (saved to IndexedDB), and how saved parts come back.
 * Work saved by an older version is migrated first (`migrateSaved`, the settings' migrate chain);
 * restoring then checks each part's shape and drops what does not fit (a damaged record) with a note in
 * the error area, instead of crashing. Plan settings from the URL hash go on top of the saved plan.
 */

import type { AllState, AppError } from '../types';
import { newErrorId } from '../slices/ui';
import { planWithLink } from '../shareable';
import type { Plan } from '../../../core/compress/types';
import { validatePlan, SETTINGS_VERSION, migratePlan } from '../../core';

/** The persisted parts: each is one IndexedDB record, rewritten only when its reference changes. */
export interface PersistedState {
  plan: AllState['plan'];
  imported: AllState['imported'];
  excluded: AllState['excluded'];
  codebookResult: AllState['codebookResult'];
  codebookViews: AllState['codebookViews'];
  codebookPlan: AllState['codebookPlan'];
  comparison: AllState['comparison'];
  mcuPredictions: AllState['mcuPredictions'];
  sweepPoints: AllState['sweepPoints'];
  scenario: AllState['scenario'];
  mcuReport: AllState['mcuReport'];
  openedBundle: AllState['openedBundle'];
  shapes: AllState['shapes'];
  history: AllState['history'];
  sweepPlan: AllState['sweepPlan'];
  activeRun: AllState['activeRun'];
}

/**
 * The version of saved work: the settings version (core/settings/schema.ts). Records of an older version
 * are migrated by `migrateSaved`; bump SETTINGS_VERSION (with a migration step) when a part changes shape.
 */
export const PERSIST_VERSION = SETTINGS_VERSION;

/** Picks the persisted parts (same references, so unchanged parts are not rewritten). */
export function partialize(s: AllState): PersistedState {
  return {
    plan: s.plan, imported: s.imported, excluded: s.excluded,
    codebookResult: s.codebookResult, codebookViews: s.codebookViews, codebookPlan: s.codebookPlan, comparison: s.comparison, mcuPredictions: s.mcuPredictions, sweepPoints: s.sweepPoints, scenario: s.scenario,
    mcuReport: s.mcuReport, openedBundle: s.openedBundle, shapes: s.shapes, history: s.history, sweepPlan: s.sweepPlan, activeRun: s.activeRun,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Saved work of version `from` (0 or 1: saved before versions were counted) brought to the current version:
 * the user's plan, the plan of the last run and the plan inside its result go through the settings'
 * migrate chain; the other parts are kept as they are (their shape is checked when they are merged).
 */
export function migrateSaved(saved: unknown, from: number): PersistedState {
  if (!isObj(saved)) return {} as PersistedState;
  const out: Record<string, unknown> = { ...saved };
  const v = Math.max(1, from);
  if ('plan' in out) out.plan = migratePlan(out.plan, v, 'user');
  if ('codebookPlan' in out && out.codebookPlan !== null) out.codebookPlan = migratePlan(out.codebookPlan, v, 'result');
  const r = out.codebookResult;
  if (isObj(r) && 'plan' in r) out.codebookResult = { ...r, plan: migratePlan(r.plan, v, 'result') };
  return out as unknown as PersistedState;
}

/** True when `v` is a plan the pipeline accepts. */
export function isPlan(v: unknown): v is Plan {
  if (!isObj(v) || !isObj(v.groups) || !isObj(v.keep) || !isObj(v.overrides) || !isObj(v.recovery) || !isObj(v.kmeans)) return false;
  try {
    validatePlan(v as unknown as Plan);
    return true;
  } catch {
    return false;
  }
}

/** Shape checks per part: cheap, structural; the core validates contents when it uses them. */
const CHECKS: { [K in keyof PersistedState]: (v: unknown) => boolean } = {
  plan: isPlan,
  imported: (v) => Array.isArray(v) && v.every((m) => isObj(m) && typeof m.name === 'string' && isObj(m.ir) && Array.isArray((m.ir as Record<string, unknown>).layers)),
  excluded: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  codebookResult: (v) => v === null || (isObj(v) && isObj(v.totals) && Array.isArray(v.codebooks) && Array.isArray(v.models) && isPlan(v.plan)),
  codebookViews: (v) => v === null || (isObj(v) && Array.isArray(v.usage) && Array.isArray(v.projections)),
  codebookPlan: (v) => v === null || isPlan(v),
  comparison: (v) => v === null || (isObj(v) && Array.isArray(v.rows) && Array.isArray(v.models)),
  mcuPredictions: (v) => Array.isArray(v) && v.every((p) => isObj(p) && typeof p.model === 'string' && p.predicted instanceof Int32Array),
  sweepPoints: (v) => Array.isArray(v) && v.every((p) => isObj(p) && typeof p.d === 'number' && typeof p.k === 'number'),
  scenario: (v) => Array.isArray(v) && v.every((t) => isObj(t) && typeof t.model === 'string' && typeof t.periodMs === 'number'),
  mcuReport: (v) => v === null || (isObj(v) && Array.isArray(v.strategies) && isObj(v.memoryMaps)),
  openedBundle: (v) => v === null || (isObj(v) && typeof v.fileName === 'string' && Array.isArray(v.models)),
  shapes: (v) => isObj(v) && Object.values(v).every((m) => isObj(m) && isObj(m.ir) && Array.isArray((m.ir as Record<string, unknown>).layers) && typeof m.float32Bytes === 'number' && isObj(m.unitSpread)),
  history: (v) => Array.isArray(v) && v.every((r) => isObj(r) && typeof r.id === 'number' && isPlan(r.plan) && Array.isArray(r.models) && isObj(r.totals)),
  sweepPlan: (v) => v === null || isPlan(v),
  activeRun: (v) => v === null || (isObj(v) && typeof v.key === 'string' && typeof v.startedAt === 'number'),
};

/**
 * The plan after a reload: the saved plan, with the link's settings on top when the page was opened from
 * a link (`planWithLink`: a link naming another preset gives that preset's plan, the saved per-layer
 * overrides kept).
 */
export function restorePlan(saved: Plan, current: AllState): Plan {
  const link = current.linkPlan;
  return link ? planWithLink(saved, link) : saved;
}

/** Merges saved parts into the current state: valid parts are taken, invalid ones dropped and reported. */
export function mergePersisted(saved: unknown, current: AllState): AllState {
  if (!isObj(saved)) return current;
  const next: Record<string, unknown> = { ...current };
  const dropped: string[] = [];
  for (const key of Object.keys(CHECKS) as (keyof PersistedState)[]) {
    if (!(key in saved)) continue;
    const value = saved[key];
    if (!CHECKS[key](value)) { dropped.push(key); continue; }
    next[key] = key === 'plan' ? restorePlan(value as Plan, current) : value;
  }
  // A job that was running when the page went away did not finish: say so, and offer to restart it.
  if (next.activeRun) { next.interruptedRun = next.activeRun; next.activeRun = null; }
  if (dropped.length === 0) return next as unknown as AllState;
  const note: AppError = {
    id: newErrorId(),
    title: 'Part of your saved work could not be restored',
    message: `These saved parts were damaged and were dropped: ${dropped.join(', ')}.`,
    action: 'Everything else is restored. Redo the dropped steps; new work is saved as usual.',
    source: 'storage',
  };
  return { ...(next as unknown as AllState), errors: [...current.errors, note] };
}
