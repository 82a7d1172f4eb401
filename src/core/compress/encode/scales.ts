/**
 * How a PQ layer stores its per-unit normalisation scales:
 * - `f16`: one float16 per unit (2 bytes);
 * - `log8`: one byte per unit and one float16 base per layer, log-coded: s_u = f16(base · 2^(q_u / 32)),
 *   q_u in 0..255 (a 2^(255/32) ≈ 250× range within a layer, steps of 2.2 %). The value is a float16 computed
 *   in integers from a 32-entry Q31 table of 2^(i/32) (`LOG8_TABLE`), so a runtime derives the same float16
 *   (and from it the unit's requantisation multiplier) bit for bit.
 * Units whose weights are all zero take q = 0 (any scale decodes them to near zero).
 */
import { F16_MIN_SUBNORMAL, roundF16 } from '../../util/f16';

export type { ScaleCoding } from '../types';

/** Steps per octave of the log8 coding. */
export const LOG8_STEPS = 32;

/** round(2^31 · 2^(i/32)) for i = 0..31: the log8 coding's mantissas (Q31). */
export const LOG8_TABLE: readonly number[] = Array.from({ length: LOG8_STEPS }, (_, i) => Math.round(2 ** 31 * 2 ** (i / LOG8_STEPS)));

/** The float16 value of a log8 code: f16(base · T[q mod 32] · 2^(⌊q / 32⌋ − 31)), from a float16 base. */
export function log8Value(base: number, q: number): number {
  if (!(q >= 0 && q <= 255 && Number.isInteger(q))) throw new RangeError(`a log8 scale code is an integer in 0..255, got ${q}`);
  // base (11 significant bits) × a 32-bit table value is exact in float64; roundF16 rounds it once
  const v = base * LOG8_TABLE[q % LOG8_STEPS] * 2 ** (Math.floor(q / LOG8_STEPS) - 31);
  const r = roundF16(v, 'log8 scale');
  return r === 0 && v > 0 ? F16_MIN_SUBNORMAL : r;
}

/** A layer's log8-coded scales: the base, one code per unit, and the float16 values they decode to. */
export interface Log8Scales {
  base: number;
  q: Uint8Array;
  values: Float32Array;
}

/**
 * Log8 codes of positive scales `raw` (0 = an all-zero unit): the base is the smallest positive scale
 * (rounded to float16), raised when the largest would not fit 255 steps above it; each code is the one whose
 * value is nearest the scale in ratio. Throws a RangeError for a negative or non-finite scale.
 */
export function codeLog8(raw: ArrayLike<number>): Log8Scales {
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`a unit scale must be finite and >= 0, got ${s}`);
    if (s > 0) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
  }
  if (hi === 0) return { base: 1, q: new Uint8Array(raw.length), values: new Float32Array(raw.length).fill(1) };
  const span = 2 ** (255 / LOG8_STEPS);
  let base = roundF16(Math.max(lo, hi / span), 'log8 base');
  if (base === 0) base = F16_MIN_SUBNORMAL;
  const q = new Uint8Array(raw.length);
  const values = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (s === 0) { values[i] = log8Value(base, 0); continue; }
    const guess = Math.round(LOG8_STEPS * Math.log2(s / base));
    let best = Math.max(0, Math.min(255, guess));
    let bestErr = Infinity;
    for (let c = Math.max(0, best - 1); c <= Math.min(255, best + 1); c++) {
      const e = Math.abs(Math.log(log8Value(base, c) / s));
      if (e < bestErr) { bestErr = e; best = c; }
    }
    q[i] = best;
    values[i] = log8Value(base, best);
  }
  return { base, q, values };
}

/** The values of log8 codes (as codeLog8 made them). */
export function decodeLog8(base: number, q: Uint8Array): Float32Array {
  return Float32Array.from(q, (c) => log8Value(base, c));
}
