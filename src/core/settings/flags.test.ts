import { describe, expect, it } from 'vitest';
import { PLAN_BOOLEAN_FLAGS, PLAN_VALUE_FLAGS, SettingsError, planFlagsUsage, planFromFlags } from './flags';
import { SETTINGS } from './schema';
import { presetPlan } from '../compress/plan/presets';

const flags = (o: Record<string, string | true>) => new Map(Object.entries(o));

describe('plan flags', () => {
  it('give the preset\'s plan when none is set, named after it', () => {
    expect(planFromFlags(flags({}))).toEqual(presetPlan('yono'));
    expect(planFromFlags(flags({ preset: 'int8', seed: '4' }))).toEqual({ ...presetPlan('int8'), seed: 4 });
  });

  it('set every setting of the schema, mark the plan edited, and --no-x wins over --x', () => {
    const p = planFromFlags(flags({
      preset: 'pq-shared', spatial: 'd9k256', fine: 'd1k16', norm: 'auto', budget: '0.5', margin: '0.25', confidence: '1.5',
      'keep-under': '100', 'coarse-over': '0', 'recovery-layers': '2', epochs: '3', 'train-samples': '0', 'kmeans-iter': '7', 'kmeans-samples': '0',
      recovery: true, 'no-recovery': true, distill: true, codewords: true, 'fine-tier': true, 'no-autoplan': true,
    }));
    expect(p.preset).toBe('pq-shared*');
    expect(p.groups.spatial).toEqual({ d: 9, k: 256 });
    expect(p.groups.fine).toEqual({ d: 1, k: 16 });
    expect([p.normalization, p.budgetPp, p.selectionMarginPp, p.selectionZ, p.keep.minParams, p.coarseMinParams]).toEqual(['auto', 0.5, 0.25, 1.5, 100, 0]);
    expect(p.recovery).toMatchObject({ enabled: false, maxLayers: 2, epochs: 3, maxTrainSamples: 0, distill: true, fineTuneCodewords: true });
    expect([p.kmeans.maxIter, p.kmeansMaxSamples, p.fineTier, p.autoPlan]).toEqual([7, 0, true, false]);
  });

  it('keep the --d, --d-spatial and --k shorthands, and a group flag given too wins', () => {
    const p = planFromFlags(flags({ d: '8', 'd-spatial': '9', k: '256' }));
    expect([p.groups.spatial, p.groups.pointwise]).toEqual([{ d: 9, k: 256 }, { d: 8, k: 256 }]);
    expect(p.groups.medium).toEqual(presetPlan('yono').groups.medium); // tiers keep their own d and K
    expect(planFromFlags(flags({ k: '16', spatial: 'd2k8' })).groups.spatial).toEqual({ d: 2, k: 8 });
    const single = planFromFlags(flags({ grouping: 'single', d: '6' }));
    expect(single.groups.shared).toEqual({ d: 6, k: 64 }); // the single grouping's codebook, from `default`
  });

  it('reject a bad value with the flag and what it takes', () => {
    const bad: [Record<string, string | true>, RegExp][] = [
      [{ preset: 'zip' }, /--preset takes one of float32, .*, got 'zip'/],
      [{ seed: '-1' }, /--seed takes an integer in 0\.\.4294967295, got '-1'/],
      [{ budget: 'x' }, /--budget takes a number in 0\.\.100/],
      [{ spatial: '3x64' }, /--spatial takes d<d>k<K>/],
      [{ k: '1' }, /--k takes an integer in 2\.\.65536, got '1'/],
      [{ norm: true }, /--norm takes one of none, layer, channel, auto, got nothing/],
    ];
    for (const [f, re] of bad) expect(() => planFromFlags(flags(f))).toThrow(re);
    expect(() => planFromFlags(flags({ seed: 'x' }))).toThrow(SettingsError);
  });

  it('list every flag in the help, with its default', () => {
    const usage = planFlagsUsage();
    for (const s of SETTINGS) expect(usage).toContain(`--${s.flag}`);
    expect(usage).toMatch(/--k N +shorthand/);
    expect(usage).toMatch(/--keep-under N +layers with fewer weights stay int8 \(yono: 256\)/);
    expect(usage).toMatch(/--seed N +.*\(default 1\)/);
    expect(PLAN_VALUE_FLAGS).toContain('d-spatial');
    expect(PLAN_BOOLEAN_FLAGS).toEqual(expect.arrayContaining(['recovery', 'no-recovery', 'autoplan', 'no-autoplan']));
  });
});
