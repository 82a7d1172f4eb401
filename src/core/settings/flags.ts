/**
 * Settings as command-line flags (`--seed 7 --spatial d3k64 --no-recovery`) and their help text, derived
 * from SETTINGS. Pure: takes the parsed flags as a Map; bad values throw a SettingsError that names the flag
 * and what it takes (the CLI prints it with the command's usage).
 */
import type { Plan } from '../compress/types';
import { PRESET_NAMES, presetPlan } from '../compress/plan/presets';
import { GROUP_LIMITS, SETTINGS, settingOf } from './schema';
import type { Setting, SettingValues } from './schema';
import { expectedText, formatValue, parseIntIn, parseValue } from './values';
import { applySettings, planFromSettings } from './plan';

/** A bad setting on the command line; the message says which flag and what it takes. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * Shorthands kept from before the group flags: each sets one field of group settings.
 * `--d N` = d of the 1×1/dense codebook, `--d-spatial N` = d of the spatial one, `--k N` = K of both
 * (and of the single grouping's codebook).
 */
const SHORTHANDS: readonly { flag: string; doc: string; field: 'd' | 'k'; groups: readonly ('spatial' | 'pointwise' | 'shared')[] }[] = [
  { flag: 'd', doc: 'shorthand: d of --pointwise (and --shared)', field: 'd', groups: ['pointwise', 'shared'] },
  { flag: 'd-spatial', doc: 'shorthand: d of --spatial', field: 'd', groups: ['spatial'] },
  { flag: 'k', doc: 'shorthand: K of --spatial, --pointwise (and --shared)', field: 'k', groups: ['spatial', 'pointwise', 'shared'] },
];

const isBool = (s: Setting): boolean => s.kind.type === 'bool';

/** The flags that take a value. */
export const PLAN_VALUE_FLAGS: readonly string[] = [...SETTINGS.filter((s) => !isBool(s as Setting)).map((s) => s.flag), ...SHORTHANDS.map((s) => s.flag)];
/** The flags that take none: `--x` and `--no-x` for every on/off setting. */
export const PLAN_BOOLEAN_FLAGS: readonly string[] = SETTINGS.filter((s) => isBool(s as Setting)).flatMap((s) => [s.flag, `no-${s.flag}`]);

/** The settings given as flags (bad values throw a SettingsError); `--no-x` wins over `--x`. */
export function settingsFromFlags(flags: ReadonlyMap<string, string | true>): Partial<SettingValues> {
  const values: Record<string, unknown> = {};
  for (const s of SETTINGS as readonly Setting[]) {
    if (isBool(s)) {
      if (flags.has(s.flag)) values[s.key] = true;
      if (flags.has(`no-${s.flag}`)) values[s.key] = false;
      continue;
    }
    const raw = flags.get(s.flag);
    if (raw === undefined) continue;
    const p = raw === true ? null : parseValue(s, raw);
    if (!p?.ok) throw new SettingsError(`--${s.flag} takes ${expectedText(s.kind)}, got ${raw === true ? 'nothing' : `'${raw}'`}`);
    values[s.key] = p.value;
  }
  return values as Partial<SettingValues>;
}

/**
 * The settings of the command line: the plan flags, then the `--d`, `--d-spatial` and `--k` shorthands
 * (each sets one field of its groups, starting from the preset's value; a group flag given too wins).
 */
export function settingsFromCommandLine(flags: ReadonlyMap<string, string | true>): Partial<SettingValues> {
  const values = settingsFromFlags(flags);
  const base = applySettings(presetPlan(values.preset ?? 'yono'), values);
  for (const sh of SHORTHANDS) {
    const raw = flags.get(sh.flag);
    if (raw === undefined) continue;
    const lim = GROUP_LIMITS[sh.field];
    const v = raw === true ? null : parseIntIn(raw, lim.min, lim.max);
    if (v === null) throw new SettingsError(`--${sh.flag} takes an integer in ${lim.min}..${lim.max}, got ${raw === true ? 'nothing' : `'${raw}'`}`);
    for (const g of sh.groups) {
      const cur = values[g] ?? settingOf(g).get(base);
      if (cur && !flags.has(g)) values[g] = { ...cur, [sh.field]: v };
    }
  }
  return values;
}

/**
 * The plan of the command line: the `--preset` plan (default yono) with every plan flag on top, named
 * `<preset>*` when that changed a setting (as the app names an edited plan).
 */
export function planFromFlags(flags: ReadonlyMap<string, string | true>): Plan {
  return planFromSettings(settingsFromCommandLine(flags));
}

/** How a setting's default reads in the help: `(default X)`, or `(yono: X)` when the presets differ. */
function defaultText(s: Setting): string {
  const shown = PRESET_NAMES.map((p) => s.get(presetPlan(p)));
  const yono = s.get(presetPlan('yono'));
  if (yono === undefined) return '';
  const text = formatValue(s, yono as never);
  const all = s.key === 'preset' || shown.every((v) => JSON.stringify(v) === JSON.stringify(yono));
  return s.kind.type === 'bool' ? ` (yono: ${yono ? 'on' : 'off'})` : all ? ` (default ${text})` : ` (yono: ${text})`;
}

const VALUE_NAMES: Record<string, string> = { enum: 'NAME', int: 'N', number: 'X', group: 'dDkK', formats: 'LIST' };

/** The help lines of every plan flag, from SETTINGS. */
export function planFlagsUsage(): string {
  const lines: [string, string][] = [];
  for (const s of SETTINGS as readonly Setting[]) {
    const head = isBool(s) ? `--${s.flag} / --no-${s.flag}` : `--${s.flag} ${VALUE_NAMES[s.kind.type]}`;
    const values = s.kind.type === 'enum' && s.key !== 'grouping' && s.key !== 'normalization' ? ` (${s.kind.values.join(' | ')})` : '';
    lines.push([head, `${s.doc}${values}${defaultText(s)}`]);
  }
  for (const sh of SHORTHANDS) lines.push([`--${sh.flag} N`, sh.doc]);
  return lines.map(([h, d]) => `  ${h.padEnd(19)}  ${d}`).join('\n');
}
