/**
 * Links and saved plans of older settings versions, brought to the current one step by step (version n to
 * n + 1), so a change of the settings or of the Plan does not break what users shared or saved. To change
 * them: bump SETTINGS_VERSION (schema.ts) and append a step here that turns the previous version's link
 * pairs and saved plans into the new ones (e.g. drop keys and fields that no longer exist, rename others).
 */
import type { Plan } from '../compress/types';
import { basePreset, completePlan, isPresetName, presetPlan } from '../compress/presets';
import { SETTINGS, SETTINGS_VERSION } from './schema';
import { formatGroup, parseIntIn } from './values';

/** What a saved plan is: the user's plan (what the next run uses) or the plan a result was made with. */
export type SavedPlanRole = 'user' | 'result';

/** One step: from version `to - 1` to `to`. */
export interface Migration {
  to: number;
  /** What changed, one line. */
  note: string;
  /** Rewrites a link's pairs in place; a value it cannot carry over is dropped with a line in `problems`. */
  params(params: Map<string, string>, problems: string[]): void;
  /** Rewrites a saved plan (a parsed object; anything else is returned as it is). */
  plan(plan: Record<string, unknown>, role: SavedPlanRole): Record<string, unknown>;
}

/** The grouping rows of version 1 links: the `groups` keys their `d=` and `k=` lists set, in order. */
const v1Rows = (grouping: string | undefined): string[] => (grouping === 'single' ? ['shared'] : ['spatial', 'pointwise']);

/** The tier groups a version 1 plan may lack (added while version 1 was current). */
const V1_TIERS = ['coarse-spatial', 'coarse-pointwise', 'medium', 'fine'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Version 1 to 2: d and K per grouping row (`d=3,4&k=64,64`) become one key per group (`spatial=d3k64`). */
const toV2: Migration = {
  to: 2,
  note: 'd and K lists per grouping row became one d<d>k<K> key per codebook group',
  params(params, problems) {
    const ds = params.get('d');
    const ks = params.get('k');
    params.delete('d');
    params.delete('k');
    if (ds === undefined && ks === undefined) return;
    const preset = params.get('preset') ?? 'yono';
    const grouping = params.get('group');
    const rows = v1Rows(grouping);
    const base = presetPlan(isPresetName(preset) ? preset : 'yono').groups;
    const fallback = rows.map((r) => base[r] ?? base.default);
    const list = (key: 'd' | 'k', raw: string | undefined, min: number, max: number): number[] => {
      const dflt = fallback.map((g) => g[key]);
      if (raw === undefined) return dflt;
      const parts = raw.split(',').map((x) => parseIntIn(x, min, max));
      if (parts.length === rows.length && parts.every((x) => x !== null)) return parts as number[];
      const n = rows.length;
      problems.push(`The link's "${key}" value "${raw.slice(0, 40)}" is not valid; using ${dflt.join(',')} (${n} value${n > 1 ? 's' : ''} in ${min}..${max} expected).`);
      return dflt;
    };
    const d = list('d', ds, 1, 64);
    const k = list('k', ks, 2, 65536);
    rows.forEach((r, i) => { if (!params.has(r)) params.set(r, formatGroup({ d: d[i], k: k[i] })); });
  },
  plan(plan, role) {
    // Version 1 saved plans may predate fields and tier groups: take them from the preset. A result's plan
    // says what the result was learned with, so only the user's plan gets the missing tier groups.
    let out = completePlan(plan as Partial<Plan>) as unknown as Record<string, unknown>;
    if (role === 'user' && isObj(out.groups)) {
      const preset = presetPlan(basePreset(out.preset)).groups;
      const groups: Record<string, unknown> = { ...out.groups };
      for (const t of V1_TIERS) if (groups[t] === undefined && preset[t] !== undefined) groups[t] = { ...preset[t] };
      out = { ...out, groups };
    }
    return out;
  },
};

/**
 * Version 2 to 3: the `activations` setting. Everything made before it ran with float activations, so a
 * link or a saved plan keeps meaning what it did: float32 (its preset's default is int8 now).
 */
const toV3: Migration = {
  to: 3,
  note: 'the activations setting (int8 | float32); older links and plans ran float32',
  params(params) {
    // only a link that sets the plan (a link without settings keeps leaving it alone)
    if (!params.has('act') && SETTINGS.some((s) => params.has(s.url))) params.set('act', 'float32');
  },
  plan(plan) {
    return plan.activations === undefined ? { ...plan, activations: 'float32' } : plan;
  },
};

/** Every step, oldest first; the last one's `to` is SETTINGS_VERSION. */
export const MIGRATIONS: readonly Migration[] = [toV2, toV3];

/** The steps from `from` to the current version. */
function stepsFrom(from: number): readonly Migration[] {
  return MIGRATIONS.filter((m) => m.to > Math.max(1, from) && m.to <= SETTINGS_VERSION);
}

/** Brings a link's pairs from version `from` to the current one, in place. */
export function migrateParams(params: Map<string, string>, from: number, problems: string[]): void {
  for (const m of stepsFrom(from)) m.params(params, problems);
  params.delete('v');
}

/**
 * Brings a saved plan from version `from` (1 for work saved before versions existed) to the current one.
 * Anything but an object is returned as it is (the caller's check rejects it); a step that throws on a
 * damaged plan leaves it as it was.
 */
export function migratePlan(raw: unknown, from: number, role: SavedPlanRole): unknown {
  if (!isObj(raw)) return raw;
  let out = raw;
  for (const m of stepsFrom(from)) {
    try {
      out = m.plan(out, role);
    } catch {
      return out;
    }
  }
  return out;
}
