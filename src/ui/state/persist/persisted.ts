/**
 * Which parts of the store are the user's work (saved to IndexedDB), and how saved parts come back.
 * Restoring checks each part's shape and drops what does not fit (an older version, a damaged record)
 * with a note in the error area, instead of crashing. Plan settings from the URL hash go on top of the
 * saved plan; tier groups a saved plan lacks come from its preset.
 */
import type { AllState } from '../types';
import type { AppError } from '../slices/ui';
import { newErrorId } from '../slices/ui';
import { TIER_GROUPS, applyPlanSettings } from '../settings';
import type { Plan } from '../../../core/compress/types';
import { basePreset, completePlan, presetPlan, validatePlan } from '../../../core/compress/presets';

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
}

/** Bump when a persisted part changes shape incompatibly (older records are then dropped). */
export const PERSIST_VERSION = 1;

/** Picks the persisted parts (same references, so unchanged parts are not rewritten). */
export function partialize(s: AllState): PersistedState {
  return {
    plan: s.plan, imported: s.imported, excluded: s.excluded,
    codebookResult: s.codebookResult, codebookViews: s.codebookViews, codebookPlan: s.codebookPlan, comparison: s.comparison, mcuPredictions: s.mcuPredictions, sweepPoints: s.sweepPoints, scenario: s.scenario,
    mcuReport: s.mcuReport, openedBundle: s.openedBundle,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A saved plan with the fields added since it was saved filled in from its preset (an object, else as it is). */
export function upgradePlan(v: unknown): unknown {
  if (!isObj(v)) return v;
  try {
    return completePlan(v as Partial<Plan>);
  } catch {
    return v;
  }
}

/**
 * A saved plan with each tier group (`TIER_GROUPS`) it lacks taken from its preset (or `yono`): a plan saved
 * before a tier existed would otherwise learn it with another group's d and K (coarse) or not at all
 * (medium). Only for the user's plan: a result's plan says what that result was learned with.
 */
export function withPresetTiers(plan: Plan): Plan {
  const preset = presetPlan(basePreset(plan.preset));
  const missing = TIER_GROUPS.filter(({ key }) => plan.groups[key] === undefined && preset.groups[key] !== undefined);
  if (missing.length === 0) return plan;
  const groups = { ...plan.groups };
  for (const { key } of missing) groups[key] = { ...preset.groups[key] };
  return { ...plan, groups };
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
  codebookResult: (v) => v === null || (isObj(v) && isObj(v.totals) && Array.isArray(v.codebooks) && Array.isArray(v.models) && isPlan(upgradePlan(v.plan))),
  codebookViews: (v) => v === null || (isObj(v) && Array.isArray(v.usage) && Array.isArray(v.projections)),
  codebookPlan: (v) => v === null || isPlan(v),
  comparison: (v) => v === null || (isObj(v) && Array.isArray(v.rows) && Array.isArray(v.models)),
  mcuPredictions: (v) => Array.isArray(v) && v.every((p) => isObj(p) && typeof p.model === 'string' && p.predicted instanceof Int32Array),
  sweepPoints: (v) => Array.isArray(v) && v.every((p) => isObj(p) && typeof p.d === 'number' && typeof p.k === 'number'),
  scenario: (v) => Array.isArray(v) && v.every((t) => isObj(t) && typeof t.model === 'string' && typeof t.periodMs === 'number'),
  mcuReport: (v) => v === null || (isObj(v) && Array.isArray(v.strategies) && isObj(v.memoryMaps)),
  openedBundle: (v) => v === null || (isObj(v) && typeof v.fileName === 'string' && Array.isArray(v.models)),
};

/**
 * The plan after a reload: the saved plan, with the link's settings on top when the page was opened from
 * a link. When the link names another preset than the saved plan, the link's plan is taken as it is
 * (the saved per-layer overrides are kept).
 */
export function restorePlan(saved: Plan, current: AllState): Plan {
  const link = current.linkPlan;
  if (!link) return saved;
  if (link.preset !== saved.preset) return { ...current.plan, overrides: saved.overrides };
  return applyPlanSettings(saved, link);
}

/** Merges saved parts into the current state: valid parts are taken, invalid ones dropped and reported. */
export function mergePersisted(saved: unknown, current: AllState): AllState {
  if (!isObj(saved)) return current;
  const next: Record<string, unknown> = { ...current };
  const dropped: string[] = [];
  for (const key of Object.keys(CHECKS) as (keyof PersistedState)[]) {
    if (!(key in saved)) continue;
    // Plans saved by an older version lack newer fields: take those from their preset.
    const value = key === 'plan' || key === 'codebookPlan' ? upgradePlan(saved[key]) : saved[key];
    if (!CHECKS[key](value)) { dropped.push(key); continue; }
    next[key] = key === 'plan' ? restorePlan(withPresetTiers(value as Plan), current) : value;
  }
  if (dropped.length === 0) return next as unknown as AllState;
  const note: AppError = {
    id: newErrorId(),
    title: 'Part of your saved work could not be restored',
    message: `These saved parts were damaged or from an older version and were dropped: ${dropped.join(', ')}.`,
    action: 'Everything else is restored. Redo the dropped steps; new work is saved as usual.',
    source: 'storage',
  };
  return { ...(next as unknown as AllState), errors: [...current.errors, note] };
}
