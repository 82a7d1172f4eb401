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
      plan: {
        preset: 'pq-per-model', grouping: 'per-layer', groups: [{ d: 9, k: 64 }, { d: 4, k: 1024 }], normalization: 'layer', seed: 4294967295, budgetPp: 0.25,
        tiers: { 'coarse-spatial': { d: 64, k: 2 }, 'coarse-pointwise': { d: 1, k: 65536 }, medium: { d: 3, k: 100 }, fine: { d: 2, k: 512 } },
      },
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
    for (const h of ['#%%%', '#&&&==', '#d=' + '9,'.repeat(10000), '#\u0000\uffff', '#lsize=1e3x1', '#seed=1e9', '#k=0x10,3', '#budget=1e2', '#budget=NaN', '#fine=d99999999999k2', '#medium=' + 'd2k'.repeat(5000), '#coarse-spatial=d-1k64']) {
      const dec = decodeHash(h);
      expect(dec.settings.tab).toBe('models');
      expect(dec.settings.plan.groups.length).toBeGreaterThan(0);
    }
  });

  it('carries the tier codebooks one key each, and round-trips edited ones', () => {
    const def = defaultSettings();
    const h = encodeHash(def);
    const p = new URLSearchParams(h.slice(1));
    expect(['coarse-spatial', 'coarse-pointwise', 'medium', 'fine'].map((k) => p.get(k))).toEqual(['d6k64', 'd8k64', 'd2k64', 'd2k256']);
    const edited: ShareableSettings = { ...def, plan: { ...def.plan, tiers: { ...def.plan.tiers, medium: { d: 3, k: 128 }, fine: { d: 1, k: 16 } } } };
    const dec = decodeHash(encodeHash(edited));
    expect(dec.settings).toEqual(edited);
    expect(dec.problems).toEqual([]);
    // A link with only a tier key sets the plan (it then wins over a saved plan).
    expect(decodeHash('#medium=d3k32').hasPlan).toBe(true);
    expect(decodeHash('#medium=d3k32').settings.plan.tiers.medium).toEqual({ d: 3, k: 32 });
  });

  it('gives an old link without tier keys the preset\'s tier values, without a problem', () => {
    const old = '#tab=codebook&preset=yono&group=paper&d=5%2C4&k=128%2C64&norm=layer&seed=42&budget=1&device=stm32f746';
    const dec = decodeHash(old);
    expect(dec.problems).toEqual([]);
    expect(dec.hasPlan).toBe(true);
    expect(dec.settings.plan.groups).toEqual([{ d: 5, k: 128 }, { d: 4, k: 64 }]);
    const y = presetPlan('yono').groups;
    expect(dec.settings.plan.tiers).toEqual({ 'coarse-spatial': y['coarse-spatial'], 'coarse-pointwise': y['coarse-pointwise'], medium: y.medium, fine: y.fine });
    expect(decodeHash('#preset=pq-shared&seed=3').settings.plan.tiers).toEqual(planSettingsOf(presetPlan('pq-shared')).tiers);
  });

  it('replaces each bad tier value by the preset\'s, keeps the good ones and reports the bad ones', () => {
    const dec = decodeHash('#preset=yono&coarse-spatial=6x64&coarse-pointwise=d0k64&medium=d2k1&fine=d65k256');
    const y = planSettingsOf(presetPlan('yono')).tiers;
    expect(dec.settings.plan.tiers).toEqual(y);
    expect(dec.problems.map((p) => p.split('"')[1])).toEqual(['coarse-spatial', 'coarse-pointwise', 'medium', 'fine']);
    expect(dec.problems[2]).toContain("using the preset's d2k64 (d in 1..64 and K in 2..65536");
    const mixed = decodeHash('#medium=d4k70000&fine=d4k1024');
    expect(mixed.settings.plan.tiers.medium).toEqual(y.medium);
    expect(mixed.settings.plan.tiers.fine).toEqual({ d: 4, k: 1024 });
    expect(mixed.problems).toHaveLength(1);
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
