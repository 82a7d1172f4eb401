import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash, parseIntIn } from './hash';
import { defaultSettings, planSettingsOf } from './settings';
import { presetPlan } from '../../core/compress/presets';
import type { ShareableSettings } from './settings';

describe('hash codec', () => {
  it('round-trips the defaults and an edited set of settings', () => {
    const def = defaultSettings();
    expect(decodeHash(encodeHash(def)).settings).toEqual(def);
    const s: ShareableSettings = {
      tab: 'learn',
      plan: { preset: 'pq-per-model', grouping: 'per-layer', groups: [{ d: 9, k: 64 }, { d: 4, k: 1024 }], normalization: 'layer', seed: 4294967295, budgetPp: 0.25 },
      learn: { rows: 64, cols: 2, d: 16, k: 64, seed: 0 },
      device: 'nrf52840',
    };
    const dec = decodeHash(encodeHash(s));
    expect(dec.settings).toEqual(s);
    expect(dec.problems).toEqual([]);
    expect(dec.hasPlan).toBe(true);
  });

  it('gives the defaults for an empty hash and says no plan was set', () => {
    for (const h of ['', '#', '#tab=']) {
      const dec = decodeHash(h);
      expect(dec.settings.plan).toEqual(defaultSettings().plan);
      expect(dec.hasPlan).toBe(false);
    }
    expect(decodeHash('#tab=').problems).toHaveLength(1);
  });

  it('replaces each bad value by its default, keeps the good ones and reports the bad ones', () => {
    const dec = decodeHash('#tab=nope&preset=pq-shared&d=9,x&k=256,256&seed=-3&lsize=999x2&ld=2&lk=abc&device=stm32h743');
    expect(dec.settings.tab).toBe('models');
    expect(dec.settings.device).toBe('stm32h743');
    expect(dec.settings.plan.preset).toBe('pq-shared');
    // the bad d list falls back to the preset's d; the good K list is kept
    expect(dec.settings.plan.groups).toEqual(planSettingsOf(presetPlan('pq-shared')).groups.map((g) => ({ ...g, k: 256 })));
    expect(dec.settings.plan.seed).toBe(1);
    expect(dec.settings.learn).toEqual({ ...defaultSettings().learn, d: 2 });
    expect(dec.problems.map((p) => p.split('"')[1])).toEqual(['tab', 'd', 'seed', 'lsize', 'lk']);
  });

  it('rejects a d/K list whose length does not match the grouping rule', () => {
    const dec = decodeHash('#group=single&d=9,8&k=256');
    expect(dec.settings.plan.grouping).toBe('single');
    expect(dec.settings.plan.groups).toEqual([{ d: presetPlan('yono').groups.default.d, k: 256 }]);
    expect(dec.problems).toHaveLength(1);
  });

  it('survives garbage without throwing', () => {
    for (const h of ['#%%%', '#&&&==', '#d=' + '9,'.repeat(10000), '#\u0000\uffff', '#lsize=1e3x1', '#seed=1e9', '#k=0x10,3', '#budget=1e2', '#budget=NaN']) {
      const dec = decodeHash(h);
      expect(dec.settings.tab).toBe('models');
      expect(dec.settings.plan.groups.length).toBeGreaterThan(0);
    }
  });

  it('parses only plain integers in range', () => {
    expect(parseIntIn('12', 1, 64)).toBe(12);
    expect(parseIntIn('0', 1, 64)).toBeNull();
    expect(parseIntIn('1.5', 1, 64)).toBeNull();
    expect(parseIntIn('1e1', 1, 64)).toBeNull();
    expect(parseIntIn('', 1, 64)).toBeNull();
    expect(parseIntIn('99999999999', 0, 2 ** 40)).toBeNull();
  });
});
