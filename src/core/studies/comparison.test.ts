import { describe, expect, it } from 'vitest';
import { comparisonPlan, needsTrain, presetsMatching, samePlan } from './comparison';
import { sweepPlan } from './sweep';
import { PRESET_NAMES, presetPlan } from '../compress/presets';
import { applySettings } from '../settings/plan';

describe('the comparison rule', () => {
  const user = applySettings(presetPlan('yono'), {
    seed: 9, budget: 2, margin: 0.5, spatial: { d: 9, k: 32 }, pointwise: { d: 4, k: 16 }, fine: { d: 1, k: 128 }, shared: { d: 8, k: 8 },
    kmeansIter: 3, trainSamples: 128, epochs: 2, recoveryLayers: 1,
    normalization: 'layer', keepUnder: 0, distill: false, codewords: true, autoPlan: false,
  });

  it('runs every preset\'s recipe with the user\'s shared settings', () => {
    const int8 = comparisonPlan('int8', user);
    expect(int8.defaultFormat).toBe('int8');
    expect([int8.seed, int8.budgetPp, int8.selectionMarginPp]).toEqual([9, 2, 0.5]);
    const perModel = comparisonPlan('pq-per-model', user);
    expect(perModel.grouping).toBe('per-model');
    expect([perModel.groups.spatial, perModel.groups.pointwise]).toEqual([{ d: 9, k: 32 }, { d: 4, k: 16 }]);
    expect(perModel.kmeans.maxIter).toBe(3);
    const rec = comparisonPlan('pq-shared-recovery', user);
    expect(rec.recovery).toMatchObject({ enabled: true, maxTrainSamples: 128, epochs: 2, maxLayers: 1, fineTuneCodewords: false });
    expect(rec.normalization).toBe('none');
    const yono = comparisonPlan('yono', user);
    expect([yono.normalization, yono.keep.minParams, yono.recovery.distill, yono.autoPlan]).toEqual(['channel', 256, true, true]); // its recipe
    expect(yono.groups.fine).toEqual({ d: 1, k: 128 }); // the d and K of a tier it uses
    for (const p of PRESET_NAMES) {
      expect(comparisonPlan(p, user).groups).not.toHaveProperty('shared'); // a group no preset uses
      expect(comparisonPlan(p, user).preset).toBe(p);
    }
    expect(needsTrain(rec)).toBe(true);
    expect(needsTrain(int8)).toBe(true); // int8 activations are calibrated on training data
    expect(needsTrain(comparisonPlan('int8', { ...user, activations: 'float32' }))).toBe(false);
    // the user's arithmetic for every compressed row; the float32 row is the float reference
    expect(PRESET_NAMES.map((p) => comparisonPlan(p, user).activations)).toEqual(PRESET_NAMES.map((p) => (p === 'float32' ? 'float32' : 'int8')));
    expect(PRESET_NAMES.map((p) => comparisonPlan(p, { ...user, activations: 'float32' }).activations)).toEqual(PRESET_NAMES.map(() => 'float32'));
  });

  it('gives each preset\'s own plan for the default settings', () => {
    for (const p of PRESET_NAMES) expect(comparisonPlan(p, presetPlan('yono'))).toEqual(presetPlan(p));
  });

  it('finds the preset whose comparison plan is the plan of an existing run, edit mark and key order aside', () => {
    const ran = { ...comparisonPlan('yono', user), preset: 'yono*' };
    const reordered = Object.fromEntries(Object.entries(ran).reverse()) as typeof ran;
    expect(samePlan(ran, reordered)).toBe(true);
    expect(presetsMatching(['int8', 'yono', 'pq-shared'], user, ran)).toEqual(['yono']);
    expect(presetsMatching(['yono'], user, { ...ran, normalization: 'none' })).toEqual([]);
  });
});

describe('sweep plans', () => {
  it('sweep one (d, K) everywhere with recovery and auto-plan off, leaving the input as it was', () => {
    const base = { ...presetPlan('yono'), seed: 9 };
    const p = sweepPlan(base, 8, 64);
    expect(Object.values(p.groups).every((g) => g.d === 8 && g.k === 64)).toBe(true);
    expect([p.recovery.enabled, p.autoPlan, p.seed]).toEqual([false, false, 9]);
    expect(base.recovery.enabled).toBe(true);
  });
});
