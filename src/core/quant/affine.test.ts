import { describe, expect, it } from 'vitest';
import { chooseActivationParams, dequantizeValue, quantizeArray, quantizeBias, quantizeValue, quantizeWeightsPerChannel, roundHalfAway } from './affine';

describe('roundHalfAway', () => {
  it('rounds ties away from zero (C roundf), unlike Math.round on negatives', () => {
    expect([2.5, -2.5, 0.5, -0.5, 1.4999, -1.5001, 0].map(roundHalfAway)).toEqual([3, -3, 1, -1, 1, -2, 0]);
  });
});

describe('chooseActivationParams', () => {
  it('makes 0 exact: a ReLU output [0, 6] gets zero point -128', () => {
    const p = chooseActivationParams(0, 6);
    expect(p.zeroPoint).toBe(-128);
    expect(p.scale).toBe(Math.fround(6 / 255));
    expect(dequantizeValue(quantizeValue(0, p), p)).toBe(0);
  });

  it('widens a range that excludes 0 and centres a symmetric one', () => {
    expect(chooseActivationParams(2, 10).zeroPoint).toBe(-128);
    expect(chooseActivationParams(-10, -2).zeroPoint).toBe(127);
    const s = chooseActivationParams(-1, 1);
    expect(Math.abs(s.zeroPoint)).toBeLessThanOrEqual(1);
    expect(chooseActivationParams(0, 0)).toEqual({ scale: 1, zeroPoint: 0 });
  });

  it('rejects a non-finite or inverted range', () => {
    expect(() => chooseActivationParams(1, 0)).toThrow(/min <= max/);
    expect(() => chooseActivationParams(NaN, 1)).toThrow(/finite/);
  });
});

describe('quantizeValue / dequantizeValue', () => {
  const p = { scale: 0.5, zeroPoint: 10 };

  it('rounds x / scale half away from zero, adds the zero point and saturates to int8', () => {
    expect(quantizeValue(0.25, p)).toBe(11); // 0.5 -> 1
    expect(quantizeValue(-0.25, p)).toBe(9); // -0.5 -> -1
    expect(quantizeValue(-0.2, p)).toBe(10);
    expect(quantizeValue(1000, p)).toBe(127);
    expect(quantizeValue(-1000, p)).toBe(-128);
    expect(quantizeValue(1e30, p)).toBe(127);
    expect(quantizeValue(-Infinity, p)).toBe(-128);
    expect(quantizeValue(NaN, p)).toBe(10);
  });

  it('round-trips every int8 value exactly', () => {
    const q = new Int8Array(256).map((_, i) => i - 128);
    const p2 = { scale: Math.fround(0.0371), zeroPoint: -17 };
    const back = quantizeArray(Array.from(q, (v) => dequantizeValue(v, p2)), p2);
    expect(Array.from(back)).toEqual(Array.from(q));
  });
});

describe('quantizeWeightsPerChannel', () => {
  it('scales each output channel (last axis) to max|w| / 127, symmetric, zero channels with scale 1', () => {
    // 2 x 3 kernel (in x out): channel 0 [1, -2], channel 1 [0.5, 0.25], channel 2 [0, 0]
    const { q, scales } = quantizeWeightsPerChannel(Float32Array.of(1, 0.5, 0, -2, 0.25, 0), 3);
    expect(Array.from(scales)).toEqual([Math.fround(2 / 127), Math.fround(0.5 / 127), 1]);
    expect(Array.from(q)).toEqual([64, 127, 0, -127, 64, 0]);
  });

  it('rejects a length that does not split into the channels', () => {
    expect(() => quantizeWeightsPerChannel(new Float32Array(5), 2)).toThrow(/do not split/);
  });
});

describe('quantizeBias', () => {
  it('divides by inputScale · weightScale, rounds half away from zero and saturates to int32', () => {
    expect(quantizeBias(0.75, 0.5, 0.5)).toBe(3);
    expect(quantizeBias(-0.125, 0.5, 0.5)).toBe(-1); // -0.5 -> -1
    expect(quantizeBias(1e30, 1e-3, 1e-3)).toBe(0x7fffffff);
    expect(quantizeBias(-1e30, 1e-3, 1e-3)).toBe(-0x80000000);
  });
});
