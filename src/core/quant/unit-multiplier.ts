/**
 * Per-output-channel requantisation multipliers without storing them (review decision 1 of issue 15):
 * a weight layer stores one float16 scale per output unit (the PQ normalisation scale, or the int8
 * layer's channel scale) and one base multiplier per layer; each unit's (multiplier, shift) is derived
 * from the two in integer arithmetic, the same in TypeScript and C by construction:
 *
 *   unit scale n = mant · 2^e            (the float16's 11-bit significand and exponent)
 *   P = base.multiplier · mant           (exact: < 2^42; one UMULL on a Cortex-M)
 *   r = bitLength(P) − 31                (so that P / 2^r is in [2^30, 2^31))
 *   multiplier = (P + 2^(r−1)) >> r      (round half up; a carry to 2^31 becomes 2^30 with r + 1)
 *   shift = base.shift + e + r
 *
 * so that multiplier · 2^(shift − 31) = base · n to 31 significant bits, rounded once from the exact
 * product. Where the shift would fall below −31 it is −31 and r grows instead (the multiplier then has
 * fewer bits; it stays in [0, 2^31), as the kernels require).
 * The effective real scale of a unit is *defined* by these integers (effectiveMultiplier); the fake-quant
 * model and the bias rounding use it.
 */
import type { QuantizedMultiplier } from './multiplier';

/** The float16 bit pattern 1.0: the unit scale of a layer without per-unit scales. */
export const F16_ONE = 0x3c00;

/** Significand and power-of-two exponent of a non-negative finite float16: value = mant · 2^exp. */
export function f16Parts(bits: number): { mant: number; exp: number } {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffff) throw new RangeError(`a float16 bit pattern is an integer in 0..0xFFFF, got ${bits}`);
  if (bits & 0x8000) throw new RangeError(`a unit scale must be >= 0, got the negative float16 0x${bits.toString(16)}`);
  const e = bits >>> 10;
  const f = bits & 0x3ff;
  if (e === 31) throw new RangeError(`a unit scale must be finite, got the float16 0x${bits.toString(16)} (${f ? 'NaN' : 'infinity'})`);
  return e === 0 ? { mant: f, exp: -24 } : { mant: 1024 + f, exp: e - 25 };
}

/** Number of bits of a positive integer below 2^53. */
function bitLength(v: number): number {
  let n = 0;
  let x = v;
  while (x >= 2 ** 24) { x = Math.floor(x / 2 ** 24); n += 24; }
  while (x >= 1) { x = Math.floor(x / 2); n++; }
  return n;
}

/** floor((v + 2^(r−1)) / 2^r) of a non-negative integer v < 2^53 (round half up), r >= 0. */
function roundShiftRight(v: number, r: number): number {
  if (r === 0) return v;
  if (r > 52) return 0;
  return Math.floor((v + 2 ** (r - 1)) / 2 ** r);
}

/**
 * The (multiplier, shift) of one output unit: the layer's `base` times the float16 unit scale `f16`
 * (bit pattern), in integer arithmetic (see the file comment). A zero base or a zero scale gives
 * { multiplier: 0, shift: 0 }. Throws a RangeError for a negative, infinite or NaN scale and for a product
 * of 2^31 or more.
 */
export function unitMultiplier(base: QuantizedMultiplier, f16: number): QuantizedMultiplier {
  const { mant, exp } = f16Parts(f16);
  if (base.multiplier < 0 || base.multiplier >= 2 ** 31 || !Number.isInteger(base.multiplier)) {
    throw new RangeError(`a base multiplier is an integer in [0, 2^31), got ${base.multiplier}`);
  }
  if (base.multiplier === 0 || mant === 0) return { multiplier: 0, shift: 0 };
  const p = base.multiplier * mant;
  let r = bitLength(p) - 31;
  let shift = base.shift + exp + r;
  // below 2^-31 · 2^-31 the multiplier gives up bits instead (one rounding from the exact product)
  if (shift < -31) { r += -31 - shift; shift = -31; }
  // r < 0 only for a base below 2^30 times a small subnormal significand: then the product is exact
  let m = r >= 0 ? roundShiftRight(p, r) : p * 2 ** -r;
  if (m === 2 ** 31) { m = 2 ** 30; shift++; }
  if (shift > 31) throw new RangeError(`a unit multiplier of 2^31 or more (base ${base.multiplier}·2^${base.shift - 31} times the scale 0x${f16.toString(16)}): check the scales that produced it`);
  return m === 0 ? { multiplier: 0, shift: 0 } : { multiplier: m, shift };
}

/** The per-unit multipliers and shifts of a layer (one unitMultiplier per float16 scale). */
export function unitMultipliers(base: QuantizedMultiplier, f16: Uint16Array): { mult: Int32Array; shift: Int32Array } {
  const mult = new Int32Array(f16.length);
  const shift = new Int32Array(f16.length);
  for (let u = 0; u < f16.length; u++) {
    const q = unitMultiplier(base, f16[u]);
    mult[u] = q.multiplier;
    shift[u] = q.shift;
  }
  return { mult, shift };
}
