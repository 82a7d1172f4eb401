import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from './hash';
import { defaultSettings } from './settings';
import type { ShareableSettings } from './settings';
import { presetPlan, settingsOf } from '../core';

describe('hash codec', () => {
  it('round-trips the defaults and an edited set of settings, with the settings version', () => {
    const def = { ...defaultSettings(), plan: settingsOf(presetPlan('yono')) };
    expect(decodeHash(encodeHash(def)).settings).toEqual(def);
    expect(encodeHash(def)).toMatch(/^#v=3&tab=models&preset=yono&/);
    const s: ShareableSettings = {
      tab: 'learn',
      plan: {
        ...settingsOf(presetPlan('pq-per-model')), grouping: 'per-layer', spatial: { d: 9, k: 64 }, pointwise: { d: 4, k: 1024 }, normalization: 'layer',
        seed: 4294967295, budget: 0.25, 'coarse-spatial': { d: 64, k: 2 }, 'coarse-pointwise': { d: 1, k: 65536 }, medium: { d: 3, k: 100 }, fine: { d: 2, k: 512 },
        recovery: true, epochs: 3, kmeansIter: 5,
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
      expect(dec.settings.plan).toEqual({});
      expect(dec.hasPlan).toBe(false);
    }
    expect(decodeHash('#tab=').problems).toHaveLength(1);
  });

  it('leaves each bad value to its default, keeps the good ones and reports the bad ones', () => {
    const dec = decodeHash('#v=3&tab=nope&preset=pq-shared&spatial=d9x&pointwise=d4k256&seed=-3&lsize=999x2&ld=2&lk=abc&device=stm32h743');
    expect(dec.settings.tab).toBe('models');
    expect(dec.settings.device).toBe('stm32h743');
    expect(dec.settings.plan).toEqual({ preset: 'pq-shared', pointwise: { d: 4, k: 256 } });
    expect(dec.settings.learn).toEqual({ ...defaultSettings().learn, d: 2 });
    expect(dec.problems.map((p) => p.split('"')[1])).toEqual(['tab', 'spatial', 'seed', 'lsize', 'lk']);
    expect(dec.problems[1]).toContain("using the preset's d3k64 (d<d>k<K> with d in 1..64 and K in 2..65536");
  });

  it('survives garbage without throwing', () => {
    for (const h of ['#%%%', '#&&&==', '#d=' + '9,'.repeat(10000), '#\u0000\uffff', '#lsize=1e3x1', '#seed=1e9', '#k=0x10,3', '#budget=1e2', '#budget=NaN',
      '#fine=d99999999999k2', '#medium=' + 'd2k'.repeat(5000), '#coarse-spatial=d-1k64', '#v=99&seed=3', '#v=x', '#v=2&d=3,4']) {
      const dec = decodeHash(h);
      expect(dec.settings.tab).toBe('models');
      expect(typeof dec.settings.plan).toBe('object');
    }
    expect(decodeHash('#v=99&seed=3').settings.plan).toEqual({ seed: 3 });
    expect(decodeHash('#v=99&seed=3').problems[0]).toContain('newer version');
  });

  it('reads a link written before settings versions (d and K lists) as the same settings', () => {
    const old = '#tab=codebook&preset=yono&group=paper&d=5%2C4&k=128%2C64&norm=layer&seed=42&budget=1&device=stm32f746';
    const dec = decodeHash(old);
    expect(dec.problems).toEqual([]);
    expect(dec.hasPlan).toBe(true);
    // (and with the float activations every link meant then)
    expect(dec.settings.plan).toEqual({ preset: 'yono', grouping: 'paper', spatial: { d: 5, k: 128 }, pointwise: { d: 4, k: 64 }, normalization: 'layer', seed: 42, budget: 1, activations: 'float32' });
    // a bad list of an old link is reported under its old key and left to the preset
    const bad = decodeHash('#tab=nowhere&d=abc,9&k=0&seed=1e99');
    expect(bad.problems.map((p) => p.split('"')[1])).toEqual(['tab', 'd', 'k', 'seed']);
    expect(bad.settings.plan).toEqual({ spatial: { d: 3, k: 64 }, pointwise: { d: 4, k: 64 }, activations: 'float32' });
  });
});
