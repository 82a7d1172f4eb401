import { describe, expect, it } from 'vitest';
import { clampValue, formatValue, parseGroup, parseIntIn, parseValue } from './values';
import { SETTINGS, settingOf } from './schema';

describe('setting values as text', () => {
  it('parse only plain integers in range', () => {
    expect(parseIntIn('12', 1, 64)).toBe(12);
    for (const bad of ['0', '1.5', '1e1', '', '-3', '0x10']) expect(parseIntIn(bad, 1, 64)).toBeNull();
    expect(parseIntIn('99999999999', 0, 2 ** 40)).toBeNull();
  });

  it('parse groups as d<d>k<K> within the limits', () => {
    expect(parseGroup('d3k64')).toEqual({ d: 3, k: 64 });
    for (const bad of ['3x64', 'd0k64', 'd65k64', 'd3k1', 'd3k70000', 'd-1k64', 'D3K64']) expect(parseGroup(bad)).toBeNull();
  });

  it('read back what they write, for every kind', () => {
    const samples: Record<string, unknown> = { preset: 'int8', grouping: 'per-layer', spatial: { d: 9, k: 256 }, normalization: 'auto', seed: 4294967295, budget: 0.25, fineTier: false, epochs: 0 };
    for (const s of SETTINGS) {
      const v = samples[s.key];
      if (v === undefined) continue;
      expect(parseValue(s, formatValue(s, v as never))).toEqual({ ok: true, value: v });
    }
    expect(parseValue(settingOf('budget'), '1e2')).toEqual({ ok: false, expected: 'a number in 0..100' });
    expect(parseValue(settingOf('recovery'), 'true').ok).toBe(false);
  });

  it('clamp numbers to a setting\'s range', () => {
    expect(clampValue(settingOf('epochs').kind, 2.6)).toBe(3);
    expect(clampValue(settingOf('epochs').kind, NaN)).toBe(0);
    expect(clampValue(settingOf('budget').kind, 250)).toBe(100);
  });
});
