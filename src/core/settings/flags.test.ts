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
      preset: 'pq-shared', spatial: 'd9k256', norm: 'auto', budget: '0.5', margin: '0.25', fit: 'data-aware', formats: 's9k256,a2k64',
      kl: '0.02', flash: '60000', 'calibration-rows': '256', 'scale-coding': 'log8', 'recovery-target': 'biases',
      'keep-under': '100', 'recovery-layers': '2', epochs: '3', 'train-samples': '0', 'kmeans-iter': '7', 'kmeans-samples': '0',
      recovery: true, 'no-recovery': true, distill: true, correction: true, 'no-prune-codebooks': true,
    }));
    expect(p.preset).toBe('pq-shared*');
    expect(p.groups.spatial).toEqual({ d: 9, k: 256 });
    expect([p.normalization, p.budgetPp, p.selectionMarginPp, p.keep.minParams]).toEqual(['auto', 0.5, 0.25, 100]);
    expect([p.codebookFit, p.formats, p.klThreshold, p.flashBytes, p.calibrationRows, p.scaleCoding, p.correction, p.pruneCodebooks])
      .toEqual(['data-aware', ['s9k256', 'a2k64'], 0.02, 60000, 256, 'log8', true, false]);
    expect(p.recovery).toMatchObject({ enabled: false, target: 'biases', maxLayers: 2, epochs: 3, maxTrainSamples: 0, distill: true });
    expect([p.kmeans.maxIter, p.kmeansMaxSamples]).toEqual([7, 0]);
    expect(planFromFlags(flags({ formats: 'none' })).formats).toEqual([]);
    expect(() => planFromFlags(flags({ formats: 's9k256,x1' }))).toThrow(/--formats takes comma-separated formats/);
  });

  it('keep the --d, --d-spatial and --k shorthands, and a group flag given too wins', () => {
    const p = planFromFlags(flags({ d: '8', 'd-spatial': '9', k: '256' }));
    expect([p.groups.spatial, p.groups.pointwise]).toEqual([{ d: 9, k: 256 }, { d: 8, k: 256 }]);
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
    expect(PLAN_BOOLEAN_FLAGS).toEqual(expect.arrayContaining(['recovery', 'no-recovery', 'correction', 'no-correction']));
  });
});
