import { describe, expect, it } from 'vitest';
import { applyScales, normScales } from './normalize';
import type { SubvectorLayout } from '../../pq/layout';

// 3 units, field 5, d = 3 -> 2 chunks per unit, 1 padding weight per unit.
const layout: SubvectorLayout = { kind: 'dense', shape: [5, 3], d: 3, units: 3, fieldSize: 5, chunksPerUnit: 2, padding: 1, count: 6 };

function sample(): Float32Array {
  const sub = new Float32Array(18);
  for (let u = 0; u < 3; u++) {
    for (let i = 0; i < 5; i++) sub[u * 6 + i] = (i - 2) * 10 ** u; // scales 1, 10, 100; last slot = padding 0
  }
  return sub;
}

describe('normalization', () => {
  for (const mode of ['layer', 'channel'] as const) {
    it(`${mode}: round-trips exactly up to float rounding`, () => {
      const orig = sample();
      const sub = sample();
      const s = normScales(sub, layout, mode);
      expect(s).not.toBeNull();
      expect(s!.length).toBe(mode === 'layer' ? 1 : 3);
      applyScales(sub, layout, s, false);
      applyScales(sub, layout, s, true);
      for (let i = 0; i < sub.length; i++) expect(sub[i]).toBeCloseTo(orig[i], 4);
    });
  }

  it('channel: each unit gets unit RMS over its real weights', () => {
    const sub = sample();
    const s = normScales(sub, layout, 'channel')!;
    applyScales(sub, layout, s, false);
    for (let u = 0; u < 3; u++) {
      let ss = 0;
      for (let i = 0; i < 6; i++) ss += sub[u * 6 + i] ** 2;
      expect(ss / 5).toBeCloseTo(1, 5);
      expect(sub[u * 6 + 5]).toBe(0); // padding stays zero
    }
  });

  it('auto: per channel when units differ in scale, per layer when they do not', () => {
    expect(normScales(sample(), layout, 'auto')!.length).toBe(3); // unit scales 1, 10, 100
    const flat = sample();
    for (let u = 1; u < 3; u++) for (let i = 0; i < 6; i++) flat[u * 6 + i] = flat[i];
    expect(normScales(flat, layout, 'auto')!.length).toBe(1);
  });

  it('none gives null; a zero layer gets scale 1; bad sizes throw', () => {
    expect(normScales(sample(), layout, 'none')).toBeNull();
    expect(Array.from(normScales(new Float32Array(18), layout, 'layer')!)).toEqual([1]);
    expect(() => normScales(new Float32Array(5), layout, 'layer')).toThrow(/layout needs 18/);
    expect(() => applyScales(sample(), layout, new Float32Array(2), false)).toThrow(/2 scales for 3 units/);
  });
});
