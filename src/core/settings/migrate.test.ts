import { describe, expect, it } from 'vitest';
import v1 from './fixtures/v1.json';
import { decodeSettings } from './params';
import { planFromSettings } from './plan';
import { MIGRATIONS, migratePlan } from './migrate';
import { SETTINGS_VERSION } from './schema';
import { basePreset, presetPlan, validatePlan } from '../compress/presets';
import type { Plan } from '../compress/types';

const pairs = (hash: string): [string, string][] => [...new URLSearchParams(hash.replace(/^#/, '')).entries()];

describe('version 1 links', () => {
  it('give the plan the app built from them before versions existed (edit mark aside)', () => {
    for (const l of v1.links) {
      const dec = decodeSettings(pairs(l.hash));
      const plan = planFromSettings(dec.values);
      // and with the float activations every plan ran with then (version 3)
      expect({ ...plan, preset: basePreset(plan.preset) }, l.hash).toEqual({ ...l.plan, activations: 'float32' });
      expect(dec.problems, l.hash).toHaveLength(l.problems);
    }
  });
});

describe('version 2 links and saved plans', () => {
  it('keep running float32 (the only arithmetic then); a link without settings stays untouched', () => {
    expect(decodeSettings([['v', '2'], ['preset', 'yono'], ['seed', '3']]).values).toEqual({ preset: 'yono', seed: 3, activations: 'float32' });
    expect(decodeSettings([['v', '2'], ['preset', 'yono'], ['act', 'int8']]).values).toEqual({ preset: 'yono', activations: 'int8' });
    expect(decodeSettings([['v', '2'], ['tab', 'learn']]).touched).toBe(false);
    const { activations: _a, ...old } = presetPlan('yono');
    expect((migratePlan(old, 2, 'user') as Plan).activations).toBe('float32');
    expect((migratePlan(old, 2, 'result') as Plan).activations).toBe('float32');
    expect(presetPlan('yono').activations).toBe('int8');
  });
});

describe('version 1 saved plans', () => {
  it('become valid current plans, as their preset fills what they lack, keeping what they have', () => {
    for (const s of v1.savedPlans) {
      const user = migratePlan(s.plan, 1, 'user') as Plan;
      expect(() => validatePlan(user), s.commit).not.toThrow();
      expect(user.keep, s.commit).toEqual(s.plan.keep); // what the saved plan had stays
      expect(user.groups.medium, s.commit).toEqual(presetPlan('yono').groups.medium); // a tier it lacked: the preset's
      const result = migratePlan(s.plan, 1, 'result') as Plan;
      expect(() => validatePlan(result), s.commit).not.toThrow();
      expect(result.groups, s.commit).toEqual(s.plan.groups); // a result's plan keeps the groups it was learned with
    }
  });

  it('are left alone at the current version, and anything not an object passes through', () => {
    const p = v1.savedPlans[0].plan;
    expect(migratePlan(p, SETTINGS_VERSION, 'user')).toBe(p);
    expect(migratePlan(null, 1, 'user')).toBeNull();
    expect(migratePlan([1], 1, 'user')).toEqual([1]);
  });

  it('chain up to the current version, one step per version', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });
});
