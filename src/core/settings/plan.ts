/**
 * Settings <-> Plan: the one place a user's settings (from a link, the command line or the plan editor)
 * become a `Plan`, so the app and the CLI build the same plan from the same settings.
 */
import type { Plan } from '../compress/types';
import { basePreset, presetPlan } from '../compress/plan/presets';
import { SETTINGS } from './schema';
import type { Setting, SettingKey, SettingValues } from './schema';

/** Every setting's value in a plan (a group the plan lacks is absent). */
export function settingsOf(plan: Plan): Partial<SettingValues> {
  const out: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const v = (s as Setting).get(plan);
    if (v !== undefined) out[s.key] = v;
  }
  return out as Partial<SettingValues>;
}

/**
 * A copy of `plan` with the given settings written (the `preset` setting only renames; start from
 * `presetPlan` to change the recipe). A plan with the single grouping gets a `shared` group, the
 * `default` group's d and K, when it has none (else its layers would resolve by kernel class).
 */
export function applySettings(plan: Plan, values: Partial<SettingValues>): Plan {
  let out = plan;
  for (const s of SETTINGS) {
    const v = values[s.key];
    if (v !== undefined) out = (s as Setting).set(out, v as never);
  }
  if (out.grouping === 'single' && !out.groups.shared) out = { ...out, groups: { ...out.groups, shared: { ...out.groups.default } } };
  return out;
}

/** True when two settings values are equal (groups by d and K). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys whose value in `plan` differs from the plan's preset (seed aside: another seed is no edit). */
export function editedSettings(plan: Plan): SettingKey[] {
  const mine = settingsOf(plan);
  const base = settingsOf(presetPlan(basePreset(plan.preset)));
  return SETTINGS.filter((s) => s.key !== 'seed' && s.key !== 'preset' && !same(mine[s.key], base[s.key])).map((s) => s.key);
}

/** `plan` named after its preset, with a trailing `*` when a setting differs from the preset's (`editedSettings`). */
export function withEditMark(plan: Plan): Plan {
  const name = `${basePreset(plan.preset)}${editedSettings(plan).length ? '*' : ''}`;
  return name === plan.preset ? plan : { ...plan, preset: name };
}

/**
 * The user's plan for a settings record: the preset's plan (`values.preset`, default `yono`) with the
 * given settings on top, named `<preset>*` when that changed any of them.
 */
export function planFromSettings(values: Partial<SettingValues>): Plan {
  return withEditMark(applySettings(presetPlan(values.preset ?? 'yono'), values));
}
