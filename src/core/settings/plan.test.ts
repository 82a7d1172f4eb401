import { describe, expect, it } from 'vitest';
import { applySettings, editedSettings, planFromSettings, settingsOf, withEditMark } from './plan';
import { SETTINGS } from './schema';
import { PRESET_NAMES, presetPlan, validatePlan } from '../compress/plan/presets';

describe('settings and plans', () => {
  it('read every setting of a preset\'s plan and rebuild exactly that plan', () => {
    for (const name of PRESET_NAMES) {
      const values = settingsOf(presetPlan(name));
      expect(Object.keys(values).sort()).toEqual(SETTINGS.map((s) => s.key).filter((k) => k !== 'shared').sort());
      expect(planFromSettings(values)).toEqual(presetPlan(name));
    }
  });

  it('write settings without changing the input, and the result is a valid plan', () => {
    const base = presetPlan('yono');
    const p = applySettings(base, { formats: ['a2k256', 's9k256'], epochs: 2, kmeansSamples: 0, klThreshold: 0.02 });
    expect(p.formats).toEqual(['a2k256', 's9k256']);
    expect([p.recovery.epochs, p.kmeansMaxSamples, p.klThreshold]).toEqual([2, 0, 0.02]);
    expect(base).toEqual(presetPlan('yono'));
    expect(() => validatePlan(p)).not.toThrow();
  });

  it('give the single grouping its own codebook (the default group\'s d and K) when it has none', () => {
    expect(applySettings(presetPlan('pq-shared'), { grouping: 'single' }).groups.shared).toEqual(presetPlan('pq-shared').groups.default);
    expect(applySettings(presetPlan('pq-shared'), { grouping: 'single', shared: { d: 2, k: 8 } }).groups.shared).toEqual({ d: 2, k: 8 });
  });

  it('name a plan <preset>* when a setting other than the seed differs from its preset', () => {
    expect(withEditMark({ ...presetPlan('int8'), seed: 5 }).preset).toBe('int8');
    const edited = applySettings(presetPlan('int8'), { budget: 2 });
    expect(editedSettings(edited)).toEqual(['budget']);
    expect(withEditMark(edited).preset).toBe('int8*');
    expect(withEditMark({ ...edited, budgetPp: 1 }).preset).toBe('int8');
  });
});
