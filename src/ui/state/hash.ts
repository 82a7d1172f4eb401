/**
 * The URL-hash codec: ShareableSettings <-> `#tab=learn&preset=yono&...`. Decoding never throws: every
 * missing or bad value falls back to its default and a bad one is reported in `problems`, so a mangled
 * link still opens the app. Tier groups go one key each, named as the group: `&medium=d2k64` (d 2, K 64);
 * a link without them (older links) takes the preset's. Pure: no DOM (takes and returns strings).
 */
import {
  DEVICES, GROUPINGS, LIMITS, NORMALIZATIONS, PRESETS, STEPS, TIER_GROUPS, defaultSettings, isOneOf, planSettingsOf, uiGroups,
} from './settings';
import { presetPlan } from '../../core/compress/presets';
import type { GroupSettings, LearnSettings, PlanSettings, ShareableSettings, TierSettings } from './settings';

/** What decoding found: the settings to use, what was wrong, and which parts the hash actually set. */
export interface DecodedHash {
  settings: ShareableSettings;
  /** One human-readable line per rejected value. */
  problems: string[];
  /** True when the hash set at least one plan key (then it wins over a persisted plan). */
  hasPlan: boolean;
}

const PLAN_KEYS = ['preset', 'group', 'd', 'k', 'norm', 'seed', 'budget', ...TIER_GROUPS.map((t) => t.key)] as const;

/** A tier group's hash value: `d<d>k<K>`. */
const tierValue = (g: GroupSettings): string => `d${g.d}k${g.k}`;

/** Encodes every setting (not only non-defaults, so a link stays the same demo if defaults change). */
export function encodeHash(s: ShareableSettings): string {
  const p = new URLSearchParams();
  p.set('tab', s.tab);
  p.set('preset', s.plan.preset);
  p.set('group', s.plan.grouping);
  p.set('d', s.plan.groups.map((g) => g.d).join(','));
  p.set('k', s.plan.groups.map((g) => g.k).join(','));
  p.set('norm', s.plan.normalization);
  p.set('seed', String(s.plan.seed));
  p.set('budget', String(s.plan.budgetPp));
  for (const { key } of TIER_GROUPS) {
    const t = s.plan.tiers[key];
    if (t) p.set(key, tierValue(t));
  }
  p.set('device', s.device);
  p.set('lsize', `${s.learn.rows}x${s.learn.cols}`);
  p.set('ld', String(s.learn.d));
  p.set('lk', String(s.learn.k));
  p.set('lseed', String(s.learn.seed));
  return '#' + p.toString();
}

/** Parses a strict base-10 integer in [min, max]; anything else is null. */
export function parseIntIn(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(raw.trim())) return null;
  const v = Number(raw.trim());
  return Number.isSafeInteger(v) && v >= min && v <= max ? v : null;
}

/** Decodes a hash (with or without the leading '#'); never throws. */
export function decodeHash(hash: string): DecodedHash {
  const def = defaultSettings();
  const problems: string[] = [];
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { settings: def, problems: ['The link could not be read; using the defaults.'], hasPlan: false };
  }
  const bad = (key: string, raw: string, used: string) =>
    problems.push(`The link's "${key}" value "${raw.slice(0, 40)}" is not valid; using ${used}.`);

  const pick = <T>(key: string, ok: (v: string) => T | null, fallback: T, show: (v: T) => string): T => {
    const raw = p.get(key);
    if (raw === null) return fallback;
    const v = ok(raw);
    if (v === null) { bad(key, raw, show(fallback)); return fallback; }
    return v;
  };
  const tab = pick('tab', (v) => (isOneOf(STEPS, v) ? v : null), def.tab, String);
  const device = pick('device', (v) => (isOneOf(DEVICES, v) ? v : null), def.device, String);
  const plan = decodePlan(p, pick, bad);
  const learn = decodeLearn(p, pick, def.learn);
  const hasPlan = PLAN_KEYS.some((k) => p.has(k));
  return { settings: { tab, plan, learn, device }, problems, hasPlan };
}

type Pick = <T>(key: string, ok: (v: string) => T | null, fallback: T, show: (v: T) => string) => T;

function decodePlan(p: URLSearchParams, pick: Pick, bad: (k: string, raw: string, used: string) => void): PlanSettings {
  const preset = pick('preset', (v) => (isOneOf(PRESETS, v) ? v : null), 'yono' as const, String);
  const full = presetPlan(preset);
  const grouping = pick('group', (v) => (isOneOf(GROUPINGS, v) ? v : null), full.grouping, String);
  const base = planSettingsOf({ ...full, grouping });
  const n = uiGroups(grouping).length;
  const baseGroups = base.groups;
  const list = (key: 'd' | 'k', min: number, max: number): number[] => {
    const fallback = baseGroups.map((g) => g[key]);
    const raw = p.get(key);
    if (raw === null) return fallback;
    const parts = raw.split(',').map((x) => parseIntIn(x, min, max));
    if (parts.length !== n || parts.some((x) => x === null)) {
      bad(key, raw, `${fallback.join(',')} (${n} value${n > 1 ? 's' : ''} in ${min}..${max} expected)`);
      return fallback;
    }
    return parts as number[];
  };
  const ds = list('d', LIMITS.d.min, LIMITS.d.max);
  const ks = list('k', LIMITS.k.min, LIMITS.k.max);
  const groups: GroupSettings[] = ds.map((d, i) => ({ d, k: ks[i] }));
  const normalization = pick('norm', (v) => (isOneOf(NORMALIZATIONS, v) ? v : null), base.normalization, String);
  const seed = pick('seed', (v) => parseIntIn(v, LIMITS.seed.min, LIMITS.seed.max), base.seed, String);
  const budgetPp = pick('budget', (v) => {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(v)) return null;
    const x = Number(v);
    return x >= LIMITS.budgetPp.min && x <= LIMITS.budgetPp.max ? x : null;
  }, base.budgetPp, String);
  const tiers = decodeTiers(p, base.tiers, bad);
  return { preset, grouping, groups, normalization, seed, budgetPp, tiers };
}

/**
 * The tier groups of a link: each `d<d>k<K>` with d and K in LIMITS (as the paper groups); a missing one
 * takes the preset's, a bad one too (reported), or is left out when the preset has no such group.
 */
function decodeTiers(p: URLSearchParams, fallback: TierSettings, bad: (k: string, raw: string, used: string) => void): TierSettings {
  const tiers: TierSettings = {};
  const rule = `d in ${LIMITS.d.min}..${LIMITS.d.max} and K in ${LIMITS.k.min}..${LIMITS.k.max}, written d<d>k<K>`;
  for (const { key } of TIER_GROUPS) { // in TIER_GROUPS order, as planSettingsOf gives them
    const f = fallback[key];
    const raw = p.get(key);
    const m = raw === null ? null : /^d(\d{1,10})k(\d{1,10})$/.exec(raw.trim());
    const d = m ? parseIntIn(m[1], LIMITS.d.min, LIMITS.d.max) : null;
    const k = m ? parseIntIn(m[2], LIMITS.k.min, LIMITS.k.max) : null;
    if (d !== null && k !== null) tiers[key] = { d, k };
    else {
      if (raw !== null) bad(key, raw, `${f ? `the preset's ${tierValue(f)}` : 'no such tier'} (${rule})`);
      if (f) tiers[key] = { ...f };
    }
  }
  return tiers;
}

function decodeLearn(p: URLSearchParams, pick: Pick, def: LearnSettings): LearnSettings {
  const size = pick('lsize', (v) => {
    const m = /^(\d{1,3})x(\d{1,3})$/.exec(v);
    if (!m) return null;
    const rows = parseIntIn(m[1], LIMITS.learnRows.min, LIMITS.learnRows.max);
    const cols = parseIntIn(m[2], LIMITS.learnCols.min, LIMITS.learnCols.max);
    return rows === null || cols === null ? null : { rows, cols };
  }, { rows: def.rows, cols: def.cols }, (v) => `${v.rows}x${v.cols}`);
  const d = pick('ld', (v) => parseIntIn(v, LIMITS.learnD.min, LIMITS.learnD.max), def.d, String);
  const k = pick('lk', (v) => parseIntIn(v, LIMITS.learnK.min, LIMITS.learnK.max), def.k, String);
  const seed = pick('lseed', (v) => parseIntIn(v, LIMITS.seed.min, LIMITS.seed.max), def.seed, String);
  return { rows: size.rows, cols: size.cols, d, k, seed };
}
