/**
 * IEEE 754 binary16 ("half", float16) conversions. The bundle stores per-channel biases and scales of
 * compressed layers as float16; the compression pipeline rounds them with `roundF16` so that its
 * accuracy, the bundle, the virtual MCU, the tfjs export and the C runtime use the same values.
 *
 * Rounding is to nearest, ties to even, from the exact value of the JS number. Finite values whose
 * rounded magnitude exceeds the largest float16 (65504) throw a RangeError: a stored weight parameter
 * silently becoming infinite would break every model that uses it. ±Infinity maps to ±Infinity and NaN
 * to the quiet NaN 0x7E00.
 */

/** Largest finite float16 value. */
export const F16_MAX = 65504;
/** Smallest positive (subnormal) float16 value, 2^-24. */
export const F16_MIN_SUBNORMAL = 2 ** -24;

/** Round half to even of a non-negative number. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const r = v - f;
  if (r > 0.5) return f + 1;
  if (r < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * The float16 bit pattern (0..0xFFFF) nearest to `x` (ties to even). `what` names the value in the
 * error message. Throws a RangeError for a finite `x` that rounds beyond ±65504.
 */
export function toF16Bits(x: number, what = 'value'): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  // 65520 = 65504 + half an ulp: from there on round-to-nearest-even gives 65536, i.e. infinity
  if (a >= 65520) {
    throw new RangeError(`float16: ${what} ${x} is outside the float16 range (|x| <= ${F16_MAX}); it cannot be stored as float16`);
  }
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal (1024 becomes the smallest normal)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const m = roundHalfEven((a / 2 ** e) * 1024); // 1024..2048; 2048 carries into the exponent
  return sign | (((e + 15) << 10) + (m - 1024));
}

/** The value of a float16 bit pattern (only the low 16 bits of `h` are used). */
export function fromF16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return sign * f * 2 ** -24;
  if (e === 31) return f ? NaN : sign * Infinity;
  return sign * (1024 + f) * 2 ** (e - 25);
}

/** `x` rounded to the nearest float16 value (ties to even); throws like toF16Bits. */
export function roundF16(x: number, what = 'value'): number {
  return fromF16Bits(toF16Bits(x, what));
}

/** Every value of `a` rounded to float16 (a new array); throws like toF16Bits, naming `what`[i]. */
export function roundF16Array(a: Float32Array, what = 'value'): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = fromF16Bits(toF16Bits(a[i], `${what} [${i}]`));
  return out;
}

/** The float16 bit patterns of `a` (a new array); throws like toF16Bits. */
export function toF16Array(a: ArrayLike<number>, what = 'value'): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = toF16Bits(a[i], `${what} [${i}]`);
  return out;
}

/** The float32 values of float16 bit patterns (exact: every float16 is a float32). */
export function fromF16Array(h: ArrayLike<number>): Float32Array {
  const out = new Float32Array(h.length);
  for (let i = 0; i < h.length; i++) out[i] = fromF16Bits(h[i]);
  return out;
}

/** True when every value of `a` is a float16 value already (rounding would not change it). */
export function isF16Exact(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (Number.isNaN(v)) continue;
    if (Math.abs(v) >= 65520 && Number.isFinite(v)) return false;
    if (fromF16Bits(toF16Bits(v)) !== v) return false;
  }
  return true;
}
