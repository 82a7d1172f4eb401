import { describe, expect, it } from 'vitest';
import { presetPlan } from '../../core/compress/presets';
import { comparisonTweak, needsTrain, presetsMatching, samePlan, sweepPlan } from './plans';

describe('comparison and sweep plans', () => {
  const base = { ...presetPlan('yono'), seed: 9, budgetPp: 2 };
  base.groups = { default: { d: 4, k: 16 }, spatial: { d: 9, k: 32 }, pointwise: { d: 4, k: 16 } };
  base.kmeans = { ...base.kmeans, maxIter: 3 };
  base.recovery = { ...base.recovery, maxTrainSamples: 128, epochs: 1 };

  it('shares the user settings but keeps what defines each preset', () => {
    const t = comparisonTweak(base);
    const int8 = t(presetPlan('int8'));
    expect(int8.defaultFormat).toBe('int8');
    expect(int8.recovery.enabled).toBe(false);
    expect(int8.seed).toBe(9);
    const perModel = t(presetPlan('pq-per-model'));
    expect(perModel.grouping).toBe('per-model');
    expect(perModel.groups.spatial).toEqual({ d: 9, k: 32 });
    expect(perModel.kmeans.maxIter).toBe(3);
    const rec = t(presetPlan('pq-shared-recovery'));
    expect(rec.recovery.enabled).toBe(true);
    expect(rec.recovery.maxTrainSamples).toBe(128);
    expect(rec.normalization).toBe('none');
    expect(needsTrain(rec)).toBe(true);
    expect(needsTrain(int8)).toBe(false);
  });

  it('sweeps one (d, K) everywhere with recovery and auto-plan off', () => {
    const p = sweepPlan(base, 8, 64);
    expect(Object.values(p.groups).every((g) => g.d === 8 && g.k === 64)).toBe(true);
    expect(p.recovery.enabled).toBe(false);
    expect(p.autoPlan).toBe(false);
    expect(p.seed).toBe(9);
    expect(base.recovery.enabled).toBe(true); // the input is not changed
  });

  it('finds the preset whose comparison plan is the plan of an existing run', () => {
    const ran = comparisonTweak(base)(presetPlan('yono'));
    const reordered = Object.fromEntries(Object.entries(ran).reverse()) as typeof ran;
    expect(samePlan(ran, reordered)).toBe(true);
    expect(presetsMatching(['int8', 'yono', 'pq-shared'], base, ran)).toEqual(['yono']);
    expect(presetsMatching(['yono'], base, { ...ran, normalization: 'none' })).toEqual([]);
  });
});
