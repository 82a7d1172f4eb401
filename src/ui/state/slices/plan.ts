/** Plan slice: the compression settings (preset, grouping, d and K per group, normalization, seed). */
import type { StateCreator } from 'zustand';
import type { AllState } from '../types';
import type { GroupSettings, GroupingId, NormalizationId, PlanSettings, PresetId } from '../settings';
import { LIMITS, fitGroups, presetPlan } from '../settings';
import type { LayerMode } from '../../services/types';

export interface PlanSlice {
  /** The plan (also in the hash). */
  plan: PlanSettings;
  /** Per-layer choices, key `model/layer`; missing means 'auto'. Persisted, not in the hash. */
  layerModes: Record<string, LayerMode>;
  /** Starts from a preset's plan, keeping the seed. */
  setPreset: (preset: PresetId) => void;
  setGrouping: (grouping: GroupingId) => void;
  /** Changes d and/or K of group `index`; out-of-range values are clamped. */
  setGroup: (index: number, patch: Partial<GroupSettings>) => void;
  setNormalization: (n: NormalizationId) => void;
  setSeed: (seed: number) => void;
  setLayerMode: (key: string, mode: LayerMode) => void;
  /** Replaces the whole plan (from the hash or a clicked Pareto point). */
  loadPlan: (plan: PlanSettings) => void;
}

/** Clamps to an integer in [min, max] (NaN gives min). */
export function clampInt(v: number, min: number, max: number): number {
  if (!Number.isFinite(v)) return min;
  return Math.min(max, Math.max(min, Math.round(v)));
}

export const createPlanSlice: StateCreator<AllState, [], [], PlanSlice> = (set) => ({
  plan: presetPlan('yono'),
  layerModes: {},
  setPreset: (preset) => set((s) => ({ plan: presetPlan(preset, s.plan.seed) })),
  setGrouping: (grouping) => set((s) => ({ plan: { ...s.plan, grouping, groups: fitGroups(grouping, s.plan.groups) } })),
  setGroup: (index, patch) =>
    set((s) => {
      if (index < 0 || index >= s.plan.groups.length) return s;
      const groups = s.plan.groups.map((g, i) => (i !== index ? g : {
        d: patch.d === undefined ? g.d : clampInt(patch.d, LIMITS.d.min, LIMITS.d.max),
        k: patch.k === undefined ? g.k : clampInt(patch.k, LIMITS.k.min, LIMITS.k.max),
      }));
      return { plan: { ...s.plan, groups } };
    }),
  setNormalization: (normalization) => set((s) => ({ plan: { ...s.plan, normalization } })),
  setSeed: (seed) => set((s) => ({ plan: { ...s.plan, seed: clampInt(seed, LIMITS.seed.min, LIMITS.seed.max) } })),
  setLayerMode: (key, mode) =>
    set((s) => {
      const layerModes = { ...s.layerModes };
      if (mode === 'auto') delete layerModes[key];
      else layerModes[key] = mode;
      return { layerModes };
    }),
  loadPlan: (plan) => set({ plan: { ...plan, groups: fitGroups(plan.grouping, plan.groups) } }),
});
