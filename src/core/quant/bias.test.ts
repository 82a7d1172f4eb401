import { describe, expect, it } from 'vitest';
import { packBias, storedBiasBytes, storedInt32Bias, unpackBias } from './bias';

describe('int16 bias storage', () => {
  it('keeps biases that fit int16 exactly, with shift 0', () => {
    const b = Int32Array.from([0, 1, -1, 32767, -32768, 1234]);
    const p = packBias(b);
    expect(p.shift).toBe(0);
    expect(Array.from(unpackBias(p))).toEqual(Array.from(b));
  });

  it('shifts just enough for the largest bias and rounds ties away from zero', () => {
    const p = packBias(Int32Array.from([32768, -6, 5, 7]));
    expect(p.shift).toBe(1);
    expect(Array.from(p.values)).toEqual([16384, -3, 3, 4]);
    expect(Array.from(unpackBias(p))).toEqual([32768, -6, 6, 8]);
  });

  it('covers the int32 range; the error is at most half a step', () => {
    const b = Int32Array.from([2147483647, -2147483648, 123456789, -987654321]);
    const p = packBias(b);
    expect(p.shift).toBe(16);
    const back = storedInt32Bias(b);
    // 2^31 − 1 saturates to 32767 · 2^16 (one step below); the others within half a step
    expect(back[0]).toBe(32767 * 65536);
    for (let i = 1; i < b.length; i++) expect(Math.abs(back[i] - b[i])).toBeLessThanOrEqual(2 ** 15);
  });

  it('counts two bytes per unit', () => {
    expect(storedBiasBytes(10)).toBe(20);
  });
});
