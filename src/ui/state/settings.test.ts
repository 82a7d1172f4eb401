import { describe, expect, it } from 'vitest';
import { applyPlanSettings, planFromSettings, planSettingsOf, tierSettingsOf, uiTierGroups } from './settings';
import type { PlanSettings } from './settings';
import { presetPlan, validatePlan } from '../../core/compress/presets';

describe('plan settings with tier codebooks', () => {
  it('round-trips the tier groups through planSettingsOf / applyPlanSettings', () => {
    const yono = presetPlan('yono');
    const s: PlanSettings = {
      ...planSettingsOf(yono),
      tiers: { 'coarse-spatial': { d: 9, k: 32 }, 'coarse-pointwise': { d: 16, k: 128 }, medium: { d: 3, k: 64 }, fine: { d: 1, k: 256 } },
    };
    const plan = applyPlanSettings(yono, s);
    expect(plan.groups.medium).toEqual({ d: 3, k: 64 });
    expect(plan.groups['coarse-pointwise']).toEqual({ d: 16, k: 128 });
    expect(plan.groups.spatial).toEqual(yono.groups.spatial); // the paper groups are untouched
    expect(planSettingsOf(plan)).toEqual(s);
    expect(planSettingsOf(planFromSettings(s))).toEqual(s);
    expect(() => validatePlan(plan)).not.toThrow();
    expect(yono.groups.medium).toEqual({ d: 2, k: 64 }); // the base plan is not mutated
  });

  it('takes the tier groups in TIER_GROUPS order, only those the plan has', () => {
    const p = presetPlan('yono');
    expect(Object.keys(tierSettingsOf(p))).toEqual(['coarse-spatial', 'coarse-pointwise', 'medium', 'fine']);
    const groups = { ...p.groups };
    delete groups.medium;
    expect(tierSettingsOf({ ...p, groups })).not.toHaveProperty('medium');
  });

  it('leaves a tier the settings do not name as the base plan has it', () => {
    const base = { ...presetPlan('yono'), groups: { ...presetPlan('yono').groups, fine: { d: 4, k: 16 } } };
    const s = { ...planSettingsOf(base), tiers: { medium: { d: 5, k: 8 } } };
    const plan = applyPlanSettings(base, s);
    expect(plan.groups.fine).toEqual({ d: 4, k: 16 });
    expect(plan.groups.medium).toEqual({ d: 5, k: 8 });
  });
});

describe('uiTierGroups', () => {
  it('shows every tier of the YONO preset, editable', () => {
    const rows = uiTierGroups(presetPlan('yono'));
    expect(rows.map((r) => [r.key, r.enabled])).toEqual([['coarse-spatial', true], ['coarse-pointwise', true], ['medium', true], ['fine', true]]);
    expect(rows[0].purpose).toContain('16,384 weights');
  });

  it('disables medium and fine while the fine tier is off, and drops coarse rows without a coarse threshold', () => {
    const rows = uiTierGroups({ ...presetPlan('yono'), fineTier: false, coarseMinParams: 0 });
    expect(rows.map((r) => [r.key, r.enabled])).toEqual([['medium', false], ['fine', false]]);
  });

  it('shows nothing for presets without tiers, other groupings or non-PQ plans', () => {
    for (const name of ['float32', 'int8', 'pq-per-model', 'pq-shared', 'pq-shared-recovery'] as const) {
      expect(uiTierGroups(presetPlan(name))).toEqual([]);
    }
    expect(uiTierGroups({ ...presetPlan('yono'), grouping: 'single' })).toEqual([]);
    expect(uiTierGroups({ ...presetPlan('yono'), defaultFormat: 'int8' })).toEqual([]);
    // A preset without tiers whose fine tier the user switched on shows medium and fine.
    expect(uiTierGroups({ ...presetPlan('pq-shared'), fineTier: true }).map((r) => r.key)).toEqual(['medium', 'fine']);
  });
});
