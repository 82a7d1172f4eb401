/**
 * Plan slice: the compression plan (the pipeline's own `Plan` type, so it goes to workers as is). Its
 * shareable part (preset, grouping, d and K per group and per tier group, normalization, seed, budget) is
 * in the hash; the rest (per-layer overrides, keep rule, recovery) comes from the preset and is saved with
 * the work.
 */
import type { StateCreator } from 'zustand';
import type { AllState } from '../types';
import type { GroupSettings, GroupingId, NormalizationId, PresetId, TierKey } from '../settings';
import { LIMITS, planSettingsOf, uiGroups } from '../settings';
import type { LayerOverride, Plan } from '../../../core/compress/types';
import { presetPlan } from '../../../core/compress/presets';

export interface PlanSlice {
  plan: Plan;
  /** Starts from a preset's plan (its d/K, tiers included), keeping the seed and the per-layer overrides. */
  setPreset: (preset: PresetId) => void;
  /** Changes the grouping rule; the d/K rows of the new rule start from the current first row. */
  setGrouping: (grouping: GroupingId) => void;
  /** Changes d and/or K of row `index` of `uiGroups(plan.grouping)`; values are clamped. */
  setGroup: (index: number, patch: Partial<GroupSettings>) => void;
  /** Changes d and/or K of tier group `key` (`TIER_GROUPS`); values are clamped as for `setGroup`. */
  setTierGroup: (key: TierKey, patch: Partial<GroupSettings>) => void;
  setNormalization: (n: NormalizationId) => void;
  setSeed: (seed: number) => void;
  setBudget: (pp: number) => void;
  /** Sets (or with null clears) the format of layer `model/layer`. */
  setLayerFormat: (key: string, format: LayerOverride | null) => void;
  /** Replaces the whole plan (a clicked Pareto point, a re-opened bundle). */
  loadPlan: (plan: Plan) => void;
}

/** Clamps to an integer in [min, max] (NaN gives min). */
export function clampInt(v: number, min: number, max: number): number {
  if (!Number.isFinite(v)) return min;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/** `plan` with d and/or K of group `key` replaced, clamped to LIMITS (a missing group starts from `default`). */
function patchGroup(plan: Plan, key: string, patch: Partial<GroupSettings>): Plan {
  const g = plan.groups[key] ?? plan.groups.default;
  const next = {
    d: patch.d === undefined ? g.d : clampInt(patch.d, LIMITS.d.min, LIMITS.d.max),
    k: patch.k === undefined ? g.k : clampInt(patch.k, LIMITS.k.min, LIMITS.k.max),
  };
  return { ...plan, groups: { ...plan.groups, [key]: next } };
}

export const createPlanSlice: StateCreator<AllState, [], [], PlanSlice> = (set) => ({
  plan: presetPlan('yono'),
  setPreset: (preset) => set((s) => ({ plan: { ...presetPlan(preset), seed: s.plan.seed, overrides: s.plan.overrides } })),
  setGrouping: (grouping) =>
    set((s) => {
      const current = planSettingsOf(s.plan).groups;
      const groups = { ...s.plan.groups };
      const rows = uiGroups(grouping);
      // Rows the old rule also had keep their values; a new row starts from the old first row.
      rows.forEach(({ key }) => { if (!s.plan.groups[key]) groups[key] = { ...current[0] }; });
      return { plan: { ...s.plan, grouping, groups } };
    }),
  setGroup: (index, patch) =>
    set((s) => {
      const row = uiGroups(s.plan.grouping)[index];
      return row ? { plan: patchGroup(s.plan, row.key, patch) } : s;
    }),
  setTierGroup: (key, patch) => set((s) => ({ plan: patchGroup(s.plan, key, patch) })),
  setNormalization: (normalization) => set((s) => ({ plan: { ...s.plan, normalization } })),
  setSeed: (seed) => set((s) => ({ plan: { ...s.plan, seed: clampInt(seed, LIMITS.seed.min, LIMITS.seed.max) } })),
  setBudget: (pp) =>
    set((s) => ({ plan: { ...s.plan, budgetPp: Number.isFinite(pp) ? Math.min(LIMITS.budgetPp.max, Math.max(0, pp)) : s.plan.budgetPp } })),
  setLayerFormat: (key, format) =>
    set((s) => {
      const overrides = { ...s.plan.overrides };
      if (format === null) delete overrides[key];
      else overrides[key] = format;
      return { plan: { ...s.plan, overrides } };
    }),
  loadPlan: (plan) => set({ plan }),
});
