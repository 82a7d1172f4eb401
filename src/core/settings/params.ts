/**
 * Settings as the key/value pairs of a shared link (`#v=2&preset=yono&spatial=d3k64&...`), and back.
 * Decoding never throws: a bad value is left at the preset's and reported, so a mangled link still opens.
 * A link of an older version is migrated first (`migrate.ts`). Pure: takes and gives plain pairs (the UI
 * turns them into a URL hash with URLSearchParams).
 */
import { presetPlan } from '../compress/plan/presets';
import { SETTINGS, SETTINGS_VERSION } from './schema';
import type { Setting, SettingValues } from './schema';
import { formatValue, parseValue } from './values';
import { migrateParams } from './migrate';
import { settingsOf } from './plan';

/** The key of the settings version in a link. */
export const VERSION_KEY = 'v';

/** The URL keys of every setting (a link with one of them sets the plan). */
export const SETTING_URL_KEYS: readonly string[] = SETTINGS.map((s) => s.url);

/** The link pairs of a settings record: the version, then every given setting in schema order. */
export function encodeSettings(values: Partial<SettingValues>): [string, string][] {
  const out: [string, string][] = [[VERSION_KEY, String(SETTINGS_VERSION)]];
  for (const s of SETTINGS) {
    const v = values[s.key];
    if (v !== undefined) out.push([s.url, formatValue(s as Setting, v as never)]);
  }
  return out;
}

/** What decoding found. */
export interface DecodedSettings {
  /** The settings the link gives (valid values only; the rest comes from the preset). */
  values: Partial<SettingValues>;
  /** One human-readable line per rejected value. */
  problems: string[];
  /** True when the link has at least one setting key (then it wins over a saved plan). */
  touched: boolean;
}

/** The settings version a link was written with (1 when it has none, as before versions existed). */
function linkVersion(params: Map<string, string>, problems: string[]): number {
  const raw = params.get(VERSION_KEY);
  if (raw === undefined) return 1;
  const v = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(v >= 1)) {
    problems.push(`The link's "${VERSION_KEY}" value "${raw.slice(0, 40)}" is not a settings version; reading it as version ${SETTINGS_VERSION}.`);
    return SETTINGS_VERSION;
  }
  if (v > SETTINGS_VERSION) {
    problems.push(`The link was made by a newer version of the workbench (settings version ${v}); settings this one does not know are ignored.`);
    return SETTINGS_VERSION;
  }
  return v;
}

/** Decodes the pairs of a link (any version); never throws. */
export function decodeSettings(pairs: Iterable<[string, string]>): DecodedSettings {
  const params = new Map(pairs);
  const problems: string[] = [];
  migrateParams(params, linkVersion(params, problems), problems);
  const values: Partial<SettingValues> = {};
  const touched = SETTINGS.some((s) => params.has(s.url));
  const presetSetting = SETTINGS[0] as Setting<'preset'>;
  const rawPreset = params.get(presetSetting.url);
  const preset = rawPreset === undefined ? undefined : parseValue(presetSetting, rawPreset);
  const base = settingsOf(presetPlan(preset?.ok ? preset.value : 'yono'));
  for (const s of SETTINGS) {
    const raw = params.get(s.url);
    if (raw === undefined) continue;
    const p = parseValue(s as Setting, raw);
    if (p.ok) { (values as Record<string, unknown>)[s.key] = p.value; continue; }
    const fallback = base[s.key];
    const used = fallback === undefined ? 'none' : `the preset's ${formatValue(s as Setting, fallback as never)}`;
    problems.push(`The link's "${s.url}" value "${raw.slice(0, 40)}" is not valid; using ${used} (${p.expected}).`);
  }
  return { values, problems, touched };
}
