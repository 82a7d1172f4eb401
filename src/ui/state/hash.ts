/**
 * The URL-hash codec: ShareableSettings <-> `#v=2&tab=learn&preset=yono&spatial=d3k64&...`. The plan
 * settings are written and read by core/settings/params.ts (one list for the app and the CLI, with the
 * migration of older links); this adds the step, the Learn demo and the device. Decoding never throws:
 * every missing or bad value falls back to its default and a bad one is reported in `problems`, so a
 * mangled link still opens the app. Pure: no DOM (takes and returns strings).
 */
import { DEVICES, LIMITS, STEPS, defaultSettings, isOneOf } from './settings';
import type { LearnSettings, ShareableSettings } from './settings';
import { decodeSettings, encodeSettings, parseIntIn } from '../core';

/** What decoding found: the settings to use, what was wrong, and which parts the hash actually set. */
export interface DecodedHash {
  settings: ShareableSettings;
  /** One human-readable line per rejected value. */
  problems: string[];
  /** True when the hash set at least one plan setting (then it wins over a persisted plan). */
  hasPlan: boolean;
}

/** Encodes every setting (not only non-defaults, so a link stays the same demo if defaults change). */
export function encodeHash(s: ShareableSettings): string {
  const p = new URLSearchParams();
  const [version, ...plan] = encodeSettings(s.plan);
  p.set(...version);
  p.set('tab', s.tab);
  for (const [k, v] of plan) p.set(k, v);
  p.set('device', s.device);
  p.set('lsize', `${s.learn.rows}x${s.learn.cols}`);
  p.set('ld', String(s.learn.d));
  p.set('lk', String(s.learn.k));
  p.set('lseed', String(s.learn.seed));
  return '#' + p.toString();
}

/** Decodes a hash (with or without the leading '#'); never throws. */
export function decodeHash(hash: string): DecodedHash {
  const def = defaultSettings();
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { settings: def, problems: ['The link could not be read; using the defaults.'], hasPlan: false };
  }
  const plan = decodeSettings(p.entries());
  const problems: string[] = [];
  const pick = <T>(key: string, ok: (v: string) => T | null, fallback: T, show: (v: T) => string): T => {
    const raw = p.get(key);
    if (raw === null) return fallback;
    const v = ok(raw);
    if (v === null) {
      problems.push(`The link's "${key}" value "${raw.slice(0, 40)}" is not valid; using ${show(fallback)}.`);
      return fallback;
    }
    return v;
  };
  const tab = pick('tab', (v) => (isOneOf(STEPS, v) ? v : null), def.tab, String);
  const device = pick('device', (v) => (isOneOf(DEVICES, v) ? v : null), def.device, String);
  problems.push(...plan.problems);
  const learn = decodeLearn(pick, def.learn);
  return { settings: { tab, plan: plan.values, learn, device }, problems, hasPlan: plan.touched };
}

type Pick = <T>(key: string, ok: (v: string) => T | null, fallback: T, show: (v: T) => string) => T;

function decodeLearn(pick: Pick, def: LearnSettings): LearnSettings {
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
