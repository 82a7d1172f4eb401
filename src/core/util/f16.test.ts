import { describe, expect, it } from 'vitest';
import { F16_MAX, F16_MIN_SUBNORMAL, fromF16Array, fromF16Bits, isF16Exact, roundF16, roundF16Array, toF16Array, toF16Bits } from './f16';

describe('float16', () => {
  it('encodes exact values to their IEEE bit patterns', () => {
    expect(toF16Bits(0)).toBe(0x0000);
    expect(toF16Bits(-0)).toBe(0x8000);
    expect(toF16Bits(1)).toBe(0x3c00);
    expect(toF16Bits(-2)).toBe(0xc000);
    expect(toF16Bits(0.5)).toBe(0x3800);
    expect(toF16Bits(65504)).toBe(0x7bff);
    expect(toF16Bits(-65504)).toBe(0xfbff);
    expect(toF16Bits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(toF16Bits(1 + 2 ** -10)).toBe(0x3c01);
    expect(toF16Bits(0.333251953125)).toBe(0x3555);
  });

  it('decodes bit patterns', () => {
    expect(fromF16Bits(0x3c00)).toBe(1);
    expect(fromF16Bits(0x7bff)).toBe(F16_MAX);
    expect(fromF16Bits(0x0001)).toBe(F16_MIN_SUBNORMAL);
    expect(fromF16Bits(0x03ff)).toBe(1023 * 2 ** -24);
    expect(Object.is(fromF16Bits(0x8000), -0)).toBe(true);
    expect(fromF16Bits(0x7c00)).toBe(Infinity);
    expect(fromF16Bits(0xfc00)).toBe(-Infinity);
    expect(fromF16Bits(0x7e00)).toBeNaN();
  });

  it('round-trips every finite bit pattern', () => {
    for (let h = 0; h < 0x10000; h++) {
      const e = (h >>> 10) & 0x1f;
      if (e === 31) continue;
      expect(toF16Bits(fromF16Bits(h))).toBe(h);
    }
  });

  it('rounds to nearest, ties to even', () => {
    expect(toF16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie, 1.0 is even
    expect(toF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie, rounds up to even
    expect(toF16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // above the tie
    expect(roundF16(0.1)).toBe(0.0999755859375);
    expect(toF16Bits(2047.5)).toBe(toF16Bits(2048)); // carries into the exponent
    expect(roundF16(65519)).toBe(65504); // just below the overflow threshold
  });

  it('handles subnormals', () => {
    expect(toF16Bits(F16_MIN_SUBNORMAL)).toBe(0x0001);
    expect(toF16Bits(F16_MIN_SUBNORMAL / 2)).toBe(0x0000); // tie to even (0)
    expect(toF16Bits(F16_MIN_SUBNORMAL * 1.5)).toBe(0x0002); // tie to even (2)
    expect(toF16Bits(F16_MIN_SUBNORMAL * 0.51)).toBe(0x0001);
    expect(toF16Bits(-3 * F16_MIN_SUBNORMAL)).toBe(0x8003);
    expect(toF16Bits(1e-10)).toBe(0x0000);
    expect(toF16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400); // rounds up into the normals
  });

  it('throws on finite values out of range, keeps infinities and NaN', () => {
    expect(() => toF16Bits(65520, 'bias')).toThrow(/bias 65520 is outside the float16 range/);
    expect(() => toF16Bits(-1e6)).toThrow(RangeError);
    expect(() => roundF16Array(Float32Array.of(1, 70000), 'layer c1 scale')).toThrow(/layer c1 scale \[1\] 70000/);
    expect(toF16Bits(Infinity)).toBe(0x7c00);
    expect(toF16Bits(-Infinity)).toBe(0xfc00);
    expect(toF16Bits(NaN)).toBe(0x7e00);
  });

  it('converts arrays', () => {
    const a = Float32Array.of(0.1, -3.14159, 1e-6, 1000.3);
    const r = roundF16Array(a);
    expect(Array.from(r)).toEqual(Array.from(fromF16Array(toF16Array(a))));
    expect(Array.from(roundF16Array(r))).toEqual(Array.from(r)); // idempotent
    expect(isF16Exact(r)).toBe(true);
    expect(isF16Exact(a)).toBe(false);
    expect(r[0]).toBe(0.0999755859375);
  });
});
