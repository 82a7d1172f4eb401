/**
 * A real multiplier as an int32 fixed-point multiplier and a power-of-two shift, as TFLM's
 * `QuantizeMultiplier` computes it: real = multiplier · 2^(shift − 31), multiplier in [2^30, 2^31).
 */

/** A quantized multiplier: real ≈ multiplier · 2^(shift − 31). */
export interface QuantizedMultiplier {
  /** int32 in [2^30, 2^31), or 0 for a zero (or negligible) multiplier. */
  multiplier: number;
  /** Power-of-two exponent, −31..31 (negative: right shift). */
  shift: number;
}

/**
 * TFLM's QuantizeMultiplier: frexp(real) = q · 2^shift with q in [0.5, 1), multiplier = round(q · 2^31)
 * (ties away from zero; q = 1 after rounding becomes 2^30 with shift + 1); multipliers below 2^−32
 * (shift < −31) flush to zero as in TFLM. Throws a RangeError for a negative, NaN or infinite value, and
 * for one of 2^31 or more (it cannot be applied to an int32 without overflow).
 */
export function quantizeMultiplier(real: number): QuantizedMultiplier {
  if (!Number.isFinite(real) || real < 0) throw new RangeError(`a requantisation multiplier must be a finite number >= 0, got ${real}`);
  if (real >= 2 ** 31) throw new RangeError(`a requantisation multiplier must be below 2^31, got ${real}: check the scales that produced it`);
  if (real === 0) return { multiplier: 0, shift: 0 };
  let shift = Math.floor(Math.log2(real)) + 1;
  // log2 can be one off next to powers of two: settle q = real / 2^shift into [0.5, 1) exactly
  while (real / 2 ** shift >= 1) shift++;
  while (real / 2 ** shift < 0.5) shift--;
  let q = Math.round((real / 2 ** shift) * 2 ** 31); // q > 0: Math.round's ties go up, i.e. away from zero
  if (q === 2 ** 31) {
    q /= 2;
    shift++;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: q, shift };
}

/** The real value a quantized multiplier stands for. */
export function multiplierValue(m: QuantizedMultiplier): number {
  return m.multiplier * 2 ** (m.shift - 31);
}
