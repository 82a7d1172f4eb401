/**
 * Fixed-point arithmetic of the int8 runtime, bit-exact with TFLM's reference kernels and CMSIS-NN.
 *
 * Convention: TFLM's `MultiplyByQuantizedMultiplier` with double rounding (its default build,
 * TFLITE_SINGLE_ROUNDING unset), i.e. gemmlowp's `SaturatingRoundingDoublingHighMul` followed by
 * `RoundingDivideByPOT`. CMSIS-NN's `arm_nn_requantize` in its default build (CMSIS_NN_USE_SINGLE_ROUNDING
 * unset) computes the same bits for every multiplier >= 0: its `arm_nn_doubling_high_mult_no_sat` is
 * floor((a·b + 2^30) / 2^31), which equals gemmlowp's nudged truncating division for every product, and
 * its `arm_nn_divide_by_power_of_two` is gemmlowp's. So an int8 model gives the same outputs here, in the
 * exported C (src/core/bundle/c/int8/yono_fixed_point.h) and in a default TFLM or CMSIS-NN build.
 *
 * Every function takes and returns int32 values held in JS numbers, and is exact without BigInt: the
 * 64-bit product is split into 16-bit halves whose partial products are exact doubles.
 */

export const INT32_MIN = -0x80000000;
export const INT32_MAX = 0x7fffffff;

/** `v` clamped to the int32 range (v an integer-valued number). */
export function saturateInt32(v: number): number {
  return v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : v;
}

const TWO15 = 32768;
const TWO30 = 1073741824;
const TWO31 = 2147483648;

/**
 * gemmlowp's SaturatingRoundingDoublingHighMul (NEON VQRDMULH): the high 32 bits of 2·a·b, rounded to
 * nearest with ties towards +infinity, i.e. floor((a·b + 2^30) / 2^31); saturates to INT32_MAX for the
 * one overflowing case a = b = INT32_MIN. a, b: int32.
 */
export function saturatingRoundingDoublingHighMul(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  // a·b = a·bh·2^16 + a·bl with bl in [0, 2^16): both partial products are exact (< 2^47 in magnitude)
  const bl = b & 0xffff;
  const bh = b >> 16;
  const p1 = a * bh;
  const p0 = a * bl;
  // p1·2^16 = h1·2^31 + l1·2^16 with l1 in [0, 2^15)
  const h1 = Math.floor(p1 / TWO15);
  const l1 = p1 - h1 * TWO15;
  // the rest, l1·2^16 + p0 (< 2^48), = h2·2^31 + l2 with l2 in [0, 2^31)
  const r = l1 * 65536 + p0;
  const h2 = Math.floor(r / TWO31);
  const l2 = r - h2 * TWO31;
  // a·b = (h1 + h2)·2^31 + l2; add 2^30 and take the floor of the quotient
  return h1 + h2 + (l2 >= TWO30 ? 1 : 0);
}

/**
 * gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero.
 * x: int32; exponent: 0..31.
 */
export function roundingDivideByPOT(x: number, exponent: number): number {
  if (exponent === 0) return x;
  const mask = 0xffffffff >>> (32 - exponent);
  const remainder = x & mask;
  const threshold = (mask >>> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/**
 * TFLM's MultiplyByQuantizedMultiplier (double rounding): x · multiplier · 2^(shift − 31), rounded as
 * the two steps above. `multiplier` (int32 >= 0, normally in [2^30, 2^31)) and `shift` (−31..31) come
 * from `quantizeMultiplier`. A positive shift first multiplies x by 2^shift; where that leaves the int32
 * range (undefined behaviour in TFLM and CMSIS-NN) the product saturates here and in the C.
 */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const right = shift > 0 ? 0 : -shift;
  const xs = left ? saturateInt32(x * 2 ** left) : x;
  return roundingDivideByPOT(saturatingRoundingDoublingHighMul(xs, multiplier), right);
}
