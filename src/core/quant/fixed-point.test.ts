import { describe, expect, it } from 'vitest';
import { createRng } from '../util/random';
import { INT32_MAX, INT32_MIN, multiplyByQuantizedMultiplier, roundingDivideByPOT, saturateInt32, saturatingRoundingDoublingHighMul } from './fixed-point';
import { mbqmRef, rdbpotRef, srdhmRef } from './testing/bigint-reference';

const rnd = createRng(20261206);
const int32 = () => (Math.floor(rnd() * 2 ** 32) | 0);
/** int32 values that stress the edges: extremes, powers of two and their neighbours, small values. */
const EDGES = [0, 1, -1, 2, -2, 3, -3, 127, -128, 255, INT32_MAX, INT32_MIN, INT32_MIN + 1, INT32_MAX - 1,
  2 ** 30, -(2 ** 30), 2 ** 30 + 1, -(2 ** 30) - 1, 2 ** 30 - 1, -(2 ** 30) + 1, 2 ** 16, -(2 ** 16), 65535, -65535, 2 ** 15, 46341, -46341];

describe('saturatingRoundingDoublingHighMul', () => {
  it('saturates INT32_MIN x INT32_MIN to INT32_MAX (the only overflow)', () => {
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MIN)).toBe(INT32_MAX);
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MIN + 1)).toBe(INT32_MAX);
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MAX)).toBe(INT32_MIN + 1);
  });

  it('rounds ties of a·b / 2^31 towards +infinity, for negative products too (gemmlowp\'s nudge)', () => {
    // a·b = ±2^30 is exactly ±0.5 in the result's units
    expect(saturatingRoundingDoublingHighMul(2 ** 15, 2 ** 15)).toBe(1);
    expect(saturatingRoundingDoublingHighMul(-(2 ** 15), 2 ** 15)).toBe(0);
    expect(saturatingRoundingDoublingHighMul(3 * 2 ** 15, 2 ** 15)).toBe(2); // 1.5 -> 2
    expect(saturatingRoundingDoublingHighMul(-3 * 2 ** 15, 2 ** 15)).toBe(-1); // -1.5 -> -1
    expect(saturatingRoundingDoublingHighMul(2 ** 30, 1)).toBe(1); // 0.5
    expect(saturatingRoundingDoublingHighMul(2 ** 30 - 1, 1)).toBe(0);
    expect(saturatingRoundingDoublingHighMul(-(2 ** 30) - 1, 1)).toBe(-1);
  });

  it('equals the BigInt reference on every pair of edge values and on 200,000 random pairs', () => {
    for (const a of EDGES) for (const b of EDGES) expect(saturatingRoundingDoublingHighMul(a, b), `${a} x ${b}`).toBe(srdhmRef(a, b));
    for (let i = 0; i < 200_000; i++) {
      const a = int32(), b = i % 4 === 0 ? (int32() >> (i % 31)) : int32();
      const got = saturatingRoundingDoublingHighMul(a, b);
      if (got !== srdhmRef(a, b)) expect(got, `${a} x ${b}`).toBe(srdhmRef(a, b));
    }
  });
});

describe('roundingDivideByPOT', () => {
  it('rounds ties away from zero, for positive and negative values', () => {
    expect(roundingDivideByPOT(5, 1)).toBe(3);
    expect(roundingDivideByPOT(-5, 1)).toBe(-3);
    expect(roundingDivideByPOT(6, 2)).toBe(2); // 1.5
    expect(roundingDivideByPOT(-6, 2)).toBe(-2);
    expect(roundingDivideByPOT(-5, 2)).toBe(-1); // -1.25
    expect(roundingDivideByPOT(-7, 2)).toBe(-2); // -1.75
    expect(roundingDivideByPOT(1234, 0)).toBe(1234);
    expect(roundingDivideByPOT(INT32_MIN, 31)).toBe(-1);
    expect(roundingDivideByPOT(INT32_MAX, 31)).toBe(1);
    expect(roundingDivideByPOT(2 ** 30 - 1, 31)).toBe(0);
    expect(roundingDivideByPOT(-(2 ** 30), 31)).toBe(-1);
  });

  it('equals the BigInt reference for every exponent 0..31 on edge, tie and random values', () => {
    for (let e = 0; e <= 31; e++) {
      const ties = e > 0 && e < 31 ? [2 ** (e - 1), -(2 ** (e - 1)), 3 * 2 ** (e - 1), -3 * 2 ** (e - 1)].filter((v) => v >= INT32_MIN && v <= INT32_MAX) : [];
      for (const x of [...EDGES, ...ties]) expect(roundingDivideByPOT(x, e), `${x} / 2^${e}`).toBe(rdbpotRef(x, e));
      for (let i = 0; i < 3000; i++) {
        const x = int32();
        if (roundingDivideByPOT(x, e) !== rdbpotRef(x, e)) expect(roundingDivideByPOT(x, e), `${x} / 2^${e}`).toBe(rdbpotRef(x, e));
      }
    }
  });
});

describe('multiplyByQuantizedMultiplier', () => {
  it('equals the BigInt reference for shifts -31..31 on random accumulators and multipliers in [2^30, 2^31)', () => {
    for (let shift = -31; shift <= 31; shift++) {
      for (let i = 0; i < 2000; i++) {
        const x = i % 3 === 0 ? int32() >> 8 : int32();
        const m = 2 ** 30 + Math.floor(rnd() * 2 ** 30);
        const got = multiplyByQuantizedMultiplier(x, m, shift);
        if (got !== mbqmRef(x, m, shift)) expect(got, `${x} * ${m} * 2^${shift}`).toBe(mbqmRef(x, m, shift));
      }
      for (const x of EDGES) expect(multiplyByQuantizedMultiplier(x, 2 ** 30, shift)).toBe(mbqmRef(x, 2 ** 30, shift));
    }
  });

  it('saturates a left shift that leaves int32 instead of wrapping, and maps 0 to 0', () => {
    // 2^30 · 4 saturates to 2^31 − 1; (2^31 − 1)² / 2^31 = 2^31 − 2 + 2^−31 rounds to 2^31 − 2 (wrapping would give 0)
    expect(multiplyByQuantizedMultiplier(2 ** 30, INT32_MAX, 2)).toBe(INT32_MAX - 1);
    expect(multiplyByQuantizedMultiplier(-(2 ** 30), 2 ** 30, 3)).toBe(INT32_MIN / 2);
    expect(multiplyByQuantizedMultiplier(0, 1234567890, -5)).toBe(0);
    expect(multiplyByQuantizedMultiplier(12345, 0, 0)).toBe(0);
  });

  it('approximates x·real for a multiplier of 0.3 (x = 1000 -> 300)', () => {
    // 0.3 = 1288490189 · 2^(-1-31)
    expect(multiplyByQuantizedMultiplier(1000, 1288490189, -1)).toBe(300);
    expect(multiplyByQuantizedMultiplier(-1000, 1288490189, -1)).toBe(-300);
  });
});

describe('saturateInt32', () => {
  it('clamps to the int32 range', () => {
    expect(saturateInt32(2 ** 40)).toBe(INT32_MAX);
    expect(saturateInt32(-(2 ** 40))).toBe(INT32_MIN);
    expect(saturateInt32(-5)).toBe(-5);
  });
});
