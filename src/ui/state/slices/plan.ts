/**
 * Plan slice: the compression plan (the pipeline's own `Plan` type, so it goes to workers as is). Every
 * setting is edited through the settings schema (core/settings): `setSetting` checks and clamps the value
 * and names the plan `<preset>*` when it differs from its preset. The settings go in the hash; the
 * per-layer overrides are saved with the work.
 */
import type { StateCreator } from 'zustand';
import type { AllState, PlanSlice } from '../types';
import type { GroupSettings } from '../settings';
import { LIMITS, uiGroups } from '../settings';
import type { Plan } from '../../../core/compress/types';
import type { SettingKey, SettingValues } from '../../../core/settings/schema';
import { presetPlan, settingOf, applySettings, withEditMark, clampValue } from '../../core';


/** Clamps to an integer in [min, max] (NaN gives min). */
export function clampInt(v: number, min: number, max: number): number {
  if (!Number.isFinite(v)) return min;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/** A group's d and K with `patch` applied, clamped to LIMITS (a group the plan lacks starts from `default`). */
function patchedGroup(plan: Plan, key: string, patch: Partial<GroupSettings>): GroupSettings {
  const g = plan.groups[key] ?? plan.groups.default;
  return {
    d: patch.d === undefined ? g.d : clampInt(patch.d, LIMITS.d.min, LIMITS.d.max),
    k: patch.k === undefined ? g.k : clampInt(patch.k, LIMITS.k.min, LIMITS.k.max),
  };
}

/** `plan` with one setting set (numbers clamped to the setting's range) and its edit mark updated. */
export function withSetting<K extends SettingKey>(plan: Plan, key: K, value: SettingValues[K]): Plan {
  const kind = settingOf(key).kind;
  const v = typeof value === 'number' ? clampValue(kind, value) : value;
  return withEditMark(applySettings(plan, { [key]: v } as Partial<SettingValues>));
}

export const createPlanSlice: StateCreator<AllState, [], [], PlanSlice> = (set) => ({
  plan: presetPlan('yono'),
  setSetting: (key, value) => set((s) => ({ plan: withSetting(s.plan, key, value) })),
  setPreset: (preset) => set((s) => ({ plan: withEditMark({ ...presetPlan(preset), seed: s.plan.seed, overrides: s.plan.overrides }) })),
  setGrouping: (grouping) =>
    set((s) => {
      const first = uiGroups(s.plan.grouping)[0].key;
      const current = s.plan.groups[first] ?? s.plan.groups.default;
      const groups = { ...s.plan.groups };
      // Rows the old rule also had keep their values; a new row starts from the old first row.
      for (const { key } of uiGroups(grouping)) if (!s.plan.groups[key]) groups[key] = { ...current };
      return { plan: withSetting({ ...s.plan, groups }, 'grouping', grouping) };
    }),
  setGroup: (index, patch) =>
    set((s) => {
      const row = uiGroups(s.plan.grouping)[index];
      return row ? { plan: withSetting(s.plan, row.key, patchedGroup(s.plan, row.key, patch)) } : s;
    }),
  setNormalization: (normalization) => set((s) => ({ plan: withSetting(s.plan, 'normalization', normalization) })),
  setSeed: (seed) => set((s) => ({ plan: withSetting(s.plan, 'seed', seed) })),
  setBudget: (pp) => set((s) => (Number.isFinite(pp) ? { plan: withSetting(s.plan, 'budget', pp) } : s)),
  setLayerFormat: (key, format) =>
    set((s) => {
      const overrides = { ...s.plan.overrides };
      if (format === null) delete overrides[key];
      else overrides[key] = format;
      return { plan: { ...s.plan, overrides } };
    }),
  loadPlan: (plan) => set({ plan }),
});
