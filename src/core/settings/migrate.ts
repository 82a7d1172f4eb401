/**
 * Links and saved plans of older settings versions, brought to the current one step by step (version n to
 * n + 1), so a change of the settings or of the Plan does not break what users shared or saved. To change
 * them: bump SETTINGS_VERSION (schema.ts) and append a step here that turns the previous version's link
 * pairs and saved plans into the new ones (e.g. drop keys and fields that no longer exist, rename others).
 */
import type { Plan } from '../compress/types';
import { basePreset, completePlan, isPresetName, presetPlan } from '../compress/plan/presets';
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

/** The tier groups of version 2 and the allocation format each became (family letter of `<f><d>k<K>`). */
const V2_TIER_FORMATS: Record<string, 's' | 'p' | 'a'> = { 'coarse-spatial': 's', 'coarse-pointwise': 'p', medium: 'a', fine: 'a' };

/** Version 2 keys that no longer exist, and what became of them (the tier keys are handled apart). */
const V2_DROPPED: Record<string, string> = {
  z: 'the validation confidence (z) is no longer a setting: the allocation is judged by the KL on validation inputs, and a split under 1,000 samples gets a one-standard-error allowance',
  coarse: 'the coarse tier (coarse) is gone: the allocation chooses each layer\'s codebook',
  tiers: 'the medium and fine tiers (tiers) are gone: their codebooks are formats of the allocation',
  autoplan: 'the auto-plan (autoplan) is replaced by the per-layer allocation',
  codewords: 'codeword fine-tuning (codewords) is no longer offered',
};

/** The tier groups' d and K in version 2's presets: a tier left at these is replaced by the allocation's formats. */
const V2_TIER_DEFAULTS: Record<string, { d: number; k: number }> = {
  'coarse-spatial': { d: 6, k: 64 }, 'coarse-pointwise': { d: 8, k: 64 }, medium: { d: 2, k: 64 }, fine: { d: 2, k: 256 },
};

/** True when a tier group is at version 2's default (nothing the user chose). */
const tierDefault = (tier: string, g: { d: number; k: number }): boolean => V2_TIER_DEFAULTS[tier].d === g.d && V2_TIER_DEFAULTS[tier].k === g.k;

/** The allocation format of a tier group (version 2), e.g. medium d2k64 -> a2k64. */
const tierFormat = (tier: string, g: { d: number; k: number }): string => `${V2_TIER_FORMATS[tier]}${g.d}k${g.k}`;

/**
 * Version 2 to 3: the `activations` setting. Everything made before it ran with float activations, so a
 * link or a saved plan keeps meaning what it did: float32 (its preset's default is int8 now).
 */
const toV3: Migration = {
  to: 3,
  note: 'the activations setting (int8 | float32); older links and plans ran float32',
  params(params) {
    // only a link that sets the plan (a link without settings keeps leaving it alone)
    // (version 2's tier and ladder keys count: the next step turns them into allocation settings)
    const sets = SETTINGS.some((s) => params.has(s.url)) || [...Object.keys(V2_TIER_FORMATS), ...Object.keys(V2_DROPPED)].some((k) => params.has(k));
    if (!params.has('act') && sets) params.set('act', 'float32');
  },
  plan(plan) {
    return plan.activations === undefined ? { ...plan, activations: 'float32' } : plan;
  },
};

/**
 * Version 3 to 4: the tier ladder (coarse, medium and fine codebooks, auto-plan, confidence, codeword
 * fine-tuning) gave way to the per-layer allocation over codebook formats. A link's tier groups at their
 * old defaults go (the allocation's formats replace them); one the user changed becomes a format of the
 * allocation (when the plan has one: YONO) or is dropped, with a note; a saved plan
 * loses the old fields, its tier groups become formats and its recovery the preset's (user plans of presets
 * with an allocation), `pq-medium` / `pq-fine` overrides become `pq:<format>` of their group, and the new
 * fields come from the preset.
 */
const toV4: Migration = {
  to: 4,
  note: 'the tier ladder became the per-layer allocation over codebook formats',
  params(params, problems) {
    const preset = params.get('preset') ?? 'yono';
    const base = presetPlan(isPresetName(preset) ? preset : 'yono');
    const formats = (params.get('formats') ?? base.formats.join(',')).split(',').filter((f) => f && f !== 'none');
    for (const tier of Object.keys(V2_TIER_FORMATS)) {
      const raw = params.get(tier);
      if (raw === undefined) continue;
      params.delete(tier);
      const m = /^d(\d{1,4})k(\d{1,6})$/.exec(raw.trim());
      if (m && tierDefault(tier, { d: Number(m[1]), k: Number(m[2]) })) continue; // the allocation's formats replace it
      if (!m || base.formats.length === 0) {
        problems.push(`The link's tier codebook "${tier}" (${raw.slice(0, 20)}) is gone: ${base.formats.length === 0 ? `the ${preset} preset has no allocation` : 'its value is not d<d>k<K>'}; dropped.`);
        continue;
      }
      const f = tierFormat(tier, { d: Number(m[1]), k: Number(m[2]) });
      if (formats.includes(f)) continue; // already one of the allocation's formats: nothing changes
      formats.push(f);
      problems.push(`The link's tier codebook "${tier}" (${raw}) became the allocation's format ${f}.`);
    }
    if (formats.join(',') !== base.formats.join(',')) params.set('formats', formats.length ? formats.join(',') : 'none');
    for (const [key, what] of Object.entries(V2_DROPPED)) {
      if (!params.has(key)) continue;
      params.delete(key);
      problems.push(`The link's "${key}" setting was dropped: ${what}.`);
    }
  },
  plan(plan, role) {
    const groups = isObj(plan.groups) ? { ...plan.groups } : {};
    const base = presetPlan(basePreset(plan.preset));
    const formats = Array.isArray(plan.formats) ? (plan.formats as string[]).slice() : base.formats.slice();
    const tierOf: Record<string, string> = {};
    for (const tier of Object.keys(V2_TIER_FORMATS)) {
      const g = groups[tier];
      delete groups[tier];
      if (!isObj(g) || typeof g.d !== 'number' || typeof g.k !== 'number') continue;
      const f = tierFormat(tier, { d: g.d, k: g.k });
      tierOf[tier] = f;
      if (role === 'user' && base.formats.length > 0 && !formats.includes(f) && !tierDefault(tier, { d: g.d, k: g.k })) formats.push(f);
    }
    const overrides: Record<string, unknown> = {};
    for (const [k, o] of Object.entries(isObj(plan.overrides) ? plan.overrides : {})) {
      if (o === 'pq-medium' || o === 'pq-fine') {
        const f = tierOf[o === 'pq-medium' ? 'medium' : 'fine'] ?? (o === 'pq-medium' ? 'a2k64' : 'a2k256');
        overrides[k] = formats.includes(f) ? `pq:${f}` : 'pq';
      } else overrides[k] = o;
    }
    const out: Record<string, unknown> = { ...plan, groups, overrides, formats };
    for (const k of ['fineTier', 'coarseMinParams', 'selectionZ', 'recoverableGapPp', 'autoPlan']) delete out[k];
    if (isObj(out.recovery)) { const r = { ...out.recovery }; delete r.fineTuneCodewords; out.recovery = r; }
    // YONO's recovery changed with its recipe (the biases after the allocation): a user plan takes the new one
    if (role === 'user' && base.formats.length > 0) out.recovery = { ...base.recovery };
    return completePlan(out as Partial<Plan>) as unknown as Record<string, unknown>;
  },
};

/** Every step, oldest first; the last one's `to` is SETTINGS_VERSION. */
export const MIGRATIONS: readonly Migration[] = [toV2, toV3, toV4];

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
