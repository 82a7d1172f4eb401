/**
 * Which parts of the store are the user's work (saved to IndexedDB), and how saved parts come back.
 * Restoring checks each part's shape and drops what does not fit (an older version, a damaged record)
 * with a note in the error area, instead of crashing. A plan in the URL hash wins over the saved plan.
 */
import type { AllState } from '../types';
import type { AppError } from '../slices/ui';
import { newErrorId } from '../slices/ui';
import { GROUPINGS, LIMITS, NORMALIZATIONS, PRESETS, isOneOf } from '../settings';
import type { PlanSettings } from '../settings';

/** The persisted parts: each is one IndexedDB record, rewritten only when its reference changes. */
export interface PersistedState {
  plan: AllState['plan'];
  layerModes: AllState['layerModes'];
  imported: AllState['imported'];
  excluded: AllState['excluded'];
  codebookResult: AllState['codebookResult'];
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
    plan: s.plan, layerModes: s.layerModes, imported: s.imported, excluded: s.excluded,
    codebookResult: s.codebookResult, sweepPoints: s.sweepPoints, scenario: s.scenario,
    mcuReport: s.mcuReport, openedBundle: s.openedBundle,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const inRange = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** True when `v` is a valid PlanSettings. */
export function isPlan(v: unknown): v is PlanSettings {
  if (!isObj(v) || !isOneOf(PRESETS, v.preset) || !isOneOf(GROUPINGS, v.grouping) || !isOneOf(NORMALIZATIONS, v.normalization)) return false;
  if (!inRange(v.seed, LIMITS.seed.min, LIMITS.seed.max) || !Array.isArray(v.groups)) return false;
  const n = GROUPINGS.find((g) => g.id === v.grouping)!.groups.length;
  return v.groups.length === n && v.groups.every((g) => isObj(g) && inRange(g.d, LIMITS.d.min, LIMITS.d.max) && inRange(g.k, LIMITS.k.min, LIMITS.k.max));
}

/** Shape checks per part: cheap, structural; the core validates contents when it uses them. */
const CHECKS: { [K in keyof PersistedState]: (v: unknown) => boolean } = {
  plan: isPlan,
  layerModes: (v) => isObj(v) && Object.values(v).every((m) => m === 'compress' || m === 'int8' || m === 'float'),
  imported: (v) => Array.isArray(v) && v.every((m) => isObj(m) && typeof m.name === 'string' && isObj(m.ir) && Array.isArray((m.ir as Record<string, unknown>).layers)),
  excluded: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  codebookResult: (v) => v === null || (isObj(v) && isObj(v.report) && Array.isArray(v.codebooks)),
  sweepPoints: (v) => Array.isArray(v) && v.every((p) => isObj(p) && typeof p.d === 'number' && typeof p.k === 'number'),
  scenario: (v) => Array.isArray(v) && v.every((t) => isObj(t) && typeof t.model === 'string' && typeof t.periodMs === 'number'),
  mcuReport: (v) => v === null || (isObj(v) && Array.isArray(v.strategies)),
  openedBundle: (v) => v === null || (isObj(v) && typeof v.fileName === 'string' && Array.isArray(v.models)),
};

/** Merges saved parts into the current state: valid parts are taken, invalid ones dropped and reported. */
export function mergePersisted(saved: unknown, current: AllState): AllState {
  if (!isObj(saved)) return current;
  const next: Record<string, unknown> = { ...current };
  const dropped: string[] = [];
  for (const key of Object.keys(CHECKS) as (keyof PersistedState)[]) {
    if (!(key in saved)) continue;
    if (key === 'plan' && current.hashHadPlan) continue; // the shared link's plan wins
    if (CHECKS[key](saved[key])) next[key] = saved[key];
    else dropped.push(key);
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
