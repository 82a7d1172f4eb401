import { describe, expect, it } from 'vitest';
import { fromF16Bits, toF16Bits } from '../util/f16';
import { createRng } from '../util/random';
import { multiplierValue, quantizeMultiplier } from './multiplier';
import { F16_ONE, f16Parts, unitMultiplier, unitMultipliers } from './unit-multiplier';

/** The exact product base · n as a BigInt fraction num / 2^k, and the derived value likewise. */
function exactError(base: { multiplier: number; shift: number }, f16: number, got: { multiplier: number; shift: number }): number {
  // both sides times 2^200 as BigInts: base.m·mant·2^(base.shift − 31 + exp) vs got.m·2^(got.shift − 31)
  const { mant, exp } = f16Parts(f16);
  const K = 200n;
  const want = BigInt(base.multiplier) * BigInt(mant) * 2n ** (K + BigInt(base.shift - 31 + exp));
  const have = BigInt(got.multiplier) * 2n ** (K + BigInt(got.shift - 31));
  const lsb = 2n ** (K + BigInt(got.shift - 31));
  const diff = want > have ? want - have : have - want;
  // the error in units of the derived multiplier's last bit
  return Number((diff * 1000000n) / lsb) / 1e6;
}

describe('f16Parts', () => {
  it('splits normal and subnormal float16 values into significand and exponent', () => {
    for (const v of [1, 0.5, 3.25, 65504, 2 ** -14, 2 ** -24, 5 * 2 ** -24, 0.1, 0]) {
      const { mant, exp } = f16Parts(toF16Bits(v));
      expect(mant * 2 ** exp).toBe(fromF16Bits(toF16Bits(v)));
    }
  });
  it('rejects negative, infinite and NaN scales with a clear error', () => {
    expect(() => f16Parts(toF16Bits(-1))).toThrow(/>= 0/);
    expect(() => f16Parts(0x7c00)).toThrow(/infinity/);
    expect(() => f16Parts(0x7e00)).toThrow(/NaN/);
    expect(() => f16Parts(0x10000)).toThrow(/0..0xFFFF/);
  });
});

describe('unitMultiplier', () => {
  it('is the base itself for the unit scale 1, and 0 for a zero scale or base', () => {
    const base = quantizeMultiplier(0.0123);
    expect(unitMultiplier(base, F16_ONE)).toEqual(base);
    expect(unitMultiplier(base, 0)).toEqual({ multiplier: 0, shift: 0 });
    expect(unitMultiplier({ multiplier: 0, shift: 0 }, toF16Bits(0.5))).toEqual({ multiplier: 0, shift: 0 });
  });

  it('moves a power-of-two scale into the shift only', () => {
    const base = quantizeMultiplier(0.3);
    expect(unitMultiplier(base, toF16Bits(2 ** -5))).toEqual({ multiplier: base.multiplier, shift: base.shift - 5 });
    expect(unitMultiplier(base, toF16Bits(8))).toEqual({ multiplier: base.multiplier, shift: base.shift + 3 });
  });

  it('rounds base x scale to the nearest 31-bit multiplier (half an LSB at most), multiplier in [2^30, 2^31)', () => {
    const rnd = createRng(15);
    for (let i = 0; i < 20000; i++) {
      const base = quantizeMultiplier(2 ** (-20 + 22 * rnd()));
      const f16 = toF16Bits(2 ** (-24 + 30 * rnd()));
      const got = unitMultiplier(base, f16);
      if (got.shift > -31) {
        expect(got.multiplier).toBeGreaterThanOrEqual(2 ** 30);
        expect(got.multiplier).toBeLessThan(2 ** 31);
      }
      if (got.multiplier > 0) expect(exactError(base, f16, got)).toBeLessThanOrEqual(0.5);
      // with a full-width multiplier: the product to about one part in 2^30
      const direct = multiplierValue(base) * fromF16Bits(f16);
      if (got.shift > -31) expect(Math.abs(multiplierValue(got) - direct) / direct).toBeLessThan(2 ** -29);
    }
  });

  it('brings shifts below -31 to -31 by a rounded right shift of the multiplier', () => {
    const base = quantizeMultiplier(2 ** -20);
    const got = unitMultiplier(base, toF16Bits(2 ** -20)); // 2^-40: beyond a shift of -31
    expect(got.shift).toBe(-31);
    expect(got.multiplier).toBe(2 ** 22);
    expect(unitMultiplier(base, toF16Bits(2 ** -24))).toEqual({ multiplier: 2 ** 18, shift: -31 });
    expect(exactError(base, toF16Bits(3 * 2 ** -24), unitMultiplier(base, toF16Bits(3 * 2 ** -24)))).toBeLessThanOrEqual(0.5);
  });

  it('rejects a product of 2^31 or more', () => {
    expect(() => unitMultiplier(quantizeMultiplier(2 ** 20), toF16Bits(60000))).toThrow(/2\^31 or more/);
  });

  it('unitMultipliers maps every unit', () => {
    const base = quantizeMultiplier(0.01);
    const f16 = Uint16Array.from([F16_ONE, toF16Bits(0.25), 0]);
    const { mult, shift } = unitMultipliers(base, f16);
    expect([...mult]).toEqual([base.multiplier, base.multiplier, 0]);
    expect([...shift]).toEqual([base.shift, base.shift - 2, 0]);
  });
});
