/**
 * Int8 codebooks: one scale per codebook, so that decoding a unit's weights is a table copy of int8 values
 * (the unit's own float16 scale goes into its requantisation multiplier, unit-multiplier.ts).
 */
import { roundHalfAway } from './affine';

/** A codebook's values as int8 × one scale. */
export interface Int8Codebook {
  /** (k x d) int8 values in [−127, 127]. */
  q: Int8Array;
  /** float32 > 0: value = q · scale. */
  scale: number;
  /** q · scale as float32: the values every later step encodes against and decodes from. */
  values: Float32Array;
}

/**
 * Rounds codebook values to int8 with one scale, max|value| / 127 as float32 (1 for an all-zero codebook):
 * q = round(value / scale), ties away from zero. With `scale` given (a codebook rounded before), checks
 * that every value is q · scale and returns the same q: a RangeError names the first value that is not.
 */
export function int8Codebook(values: Float32Array, scale?: number): Int8Codebook {
  let s = scale;
  if (s === undefined) {
    let m = 0;
    for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
    s = m > 0 ? Math.fround(m / 127) : 1;
  }
  if (!(s > 0) || !Number.isFinite(s)) throw new RangeError(`an int8 codebook scale must be a finite number > 0, got ${s}`);
  const q = new Int8Array(values.length);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = roundHalfAway(values[i] / s);
    if (scale !== undefined && (Math.abs(v) > 127 || Math.fround(v * s) !== values[i])) {
      throw new RangeError(`codebook value ${i} (${values[i]}) is not an int8 times the codebook scale ${s}: round the codebook with int8Codebook first`);
    }
    q[i] = Math.max(-127, Math.min(127, v));
    out[i] = Math.fround(q[i] * s);
  }
  return { q, scale: s, values: out };
}
