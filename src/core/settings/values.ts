/**
 * A setting's value as text (links, command lines) and back: strict parsing with a message that says what
 * is expected, so a bad value is reported instead of guessed.
 */
import type { GroupConfig } from '../compress/types';
import { parseFormat } from '../compress/plan/formats';
import { GROUP_LIMITS } from './schema';
import type { Setting, SettingKind, SettingKey, SettingValues } from './schema';

/** A parsed value, or why the text is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Parses a strict base-10 integer in [min, max] (no sign, exponent or fraction); anything else is null. */
export function parseIntIn(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(raw.trim())) return null;
  const v = Number(raw.trim());
  return Number.isSafeInteger(v) && v >= min && v <= max ? v : null;
}

/** What a kind of setting accepts, in words. */
export function expectedText(kind: SettingKind): string {
  switch (kind.type) {
    case 'enum': return `one of ${kind.values.join(', ')}`;
    case 'int': return `an integer in ${kind.min}..${kind.max}`;
    case 'number': return `a number in ${kind.min}..${kind.max}`;
    case 'bool': return '1 or 0';
    case 'group': return `d<d>k<K> with d in ${GROUP_LIMITS.d.min}..${GROUP_LIMITS.d.max} and K in ${GROUP_LIMITS.k.min}..${GROUP_LIMITS.k.max} (e.g. d3k64)`;
    case 'formats': return 'comma-separated formats <s|p|a><d>k<K> (e.g. s9k256,p8k64,a2k256), or none';
  }
}

/** Parses a group's `d<d>k<K>`; null when malformed or out of GROUP_LIMITS. */
export function parseGroup(raw: string): GroupConfig | null {
  const m = /^d(\d{1,10})k(\d{1,10})$/.exec(raw.trim());
  const d = m ? parseIntIn(m[1], GROUP_LIMITS.d.min, GROUP_LIMITS.d.max) : null;
  const k = m ? parseIntIn(m[2], GROUP_LIMITS.k.min, GROUP_LIMITS.k.max) : null;
  return d === null || k === null ? null : { d, k };
}

/** A group as text: `d<d>k<K>`. */
export const formatGroup = (g: GroupConfig): string => `d${g.d}k${g.k}`;

/** Parses the text of a setting's value. */
export function parseValue<K extends SettingKey>(s: Setting<K>, raw: string): Parsed<SettingValues[K]> {
  const kind = s.kind;
  const ok = (v: unknown): Parsed<SettingValues[K]> => ({ ok: true, value: v as SettingValues[K] });
  const no: Parsed<SettingValues[K]> = { ok: false, expected: expectedText(kind) };
  const t = raw.trim();
  switch (kind.type) {
    case 'enum': return kind.values.includes(t) ? ok(t) : no;
    case 'int': { const v = parseIntIn(t, kind.min, kind.max); return v === null ? no : ok(v); }
    case 'number': {
      if (!/^\d{1,10}(\.\d{1,6})?$/.test(t)) return no;
      const v = Number(t);
      return v >= kind.min && v <= kind.max ? ok(v) : no;
    }
    case 'bool': return t === '1' ? ok(true) : t === '0' ? ok(false) : no;
    case 'group': { const g = parseGroup(t); return g === null ? no : ok(g); }
    case 'formats': { const f = parseFormats(t); return f === null ? no : ok(f); }
  }
}

/** Parses a formats list (`none` or empty = no formats); null when a name is malformed or listed twice. */
export function parseFormats(raw: string): string[] | null {
  const t = raw.trim();
  if (t === '' || t === 'none') return [];
  const out: string[] = [];
  for (const part of t.split(',')) {
    try {
      const name = parseFormat(part).name;
      if (out.includes(name)) return null;
      out.push(name);
    } catch {
      return null;
    }
  }
  return out;
}

/** The text of a setting's value (what `parseValue` reads back). */
export function formatValue<K extends SettingKey>(s: Setting<K>, v: SettingValues[K]): string {
  switch (s.kind.type) {
    case 'bool': return v ? '1' : '0';
    case 'group': return formatGroup(v as GroupConfig);
    case 'formats': return (v as string[]).length ? (v as string[]).join(',') : 'none';
    default: return String(v);
  }
}

/** Clamps a number to a numeric setting's range (integers rounded; NaN gives the minimum). */
export function clampValue(kind: SettingKind, v: number): number {
  if (kind.type !== 'int' && kind.type !== 'number') return v;
  if (!Number.isFinite(v)) return kind.min;
  const x = kind.type === 'int' ? Math.round(v) : v;
  return Math.min(kind.max, Math.max(kind.min, x));
}
