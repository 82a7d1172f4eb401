/**
 * BigInt references for the fixed-point functions (tests only): gemmlowp's and TFLM's definitions
 * written directly on 64-bit integers, independently of the split arithmetic of fixed-point.ts.
 */
const MIN = -(2n ** 31n);
const MAX = 2n ** 31n - 1n;

/** gemmlowp SaturatingRoundingDoublingHighMul: (a·b + nudge) / 2^31 with truncating division. */
export function srdhmRef(a: number, b: number): number {
  if (BigInt(a) === MIN && BigInt(b) === MIN) return Number(MAX);
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 2n ** 30n : 1n - 2n ** 30n;
  return Number((ab + nudge) / 2n ** 31n); // BigInt division truncates towards zero, like C++ int64 '/'
}

/** x / 2^e rounded to nearest, ties away from zero (RoundingDivideByPOT), on the magnitude. */
export function rdbpotRef(x: number, e: number): number {
  const ax = BigInt(Math.abs(x));
  const d = 2n ** BigInt(e);
  let q = ax / d;
  if (2n * (ax - q * d) >= d && e > 0) q += 1n;
  return Number(x < 0 ? -q : q);
}

/** TFLM MultiplyByQuantizedMultiplier (double rounding), the left shift saturated to int32. */
export function mbqmRef(x: number, m: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  let xs = BigInt(x) * 2n ** BigInt(left);
  if (xs > MAX) xs = MAX;
  if (xs < MIN) xs = MIN;
  return rdbpotRef(srdhmRef(Number(xs), m), shift > 0 ? 0 : -shift);
}
