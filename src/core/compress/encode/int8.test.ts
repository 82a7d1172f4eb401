import { describe, expect, it } from 'vitest';
import { dequantizeInt8, outputUnits, quantizeInt8 } from './int8';

describe('int8 per-channel symmetric', () => {
  it('maps each channel max to ±127 and round-trips within half a step', () => {
    const units = 3;
    const w = new Float32Array([0.5, -2, 0, -0.25, 1, 0, 0.1, 0.3, 0]); // (3 x 3), channel = i % 3
    const { q, scales } = quantizeInt8(w, units);
    expect(Array.from(scales)).toEqual([0.5 / 127, 2 / 127, 0].map(Math.fround));
    expect(q[0]).toBe(127);
    expect(q[1]).toBe(-127);
    expect(q[2]).toBe(0); // all-zero channel
    const back = dequantizeInt8(q, scales);
    for (let i = 0; i < w.length; i++) expect(Math.abs(back[i] - w[i])).toBeLessThanOrEqual(scales[i % units] / 2 + 1e-7);
  });

  it('counts depthwise units as cin * depthMultiplier and rejects a bad split', () => {
    expect(outputUnits('depthwiseConv2d', [3, 3, 4, 2])).toBe(8);
    expect(outputUnits('conv2d', [3, 3, 4, 2])).toBe(2);
    expect(() => quantizeInt8(new Float32Array(7), 2)).toThrow(/does not split/);
  });
});
