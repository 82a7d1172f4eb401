/**
 * Storage of a layer's int32 biases as int16 values and one right shift per layer (the bundle's and the
 * C export's form; the byte accounting counts 2 bytes per unit and the shift in the layer descriptor).
 * The runtime still adds an int32 bias, `value << shift`, so its arithmetic is TFLM's; only the stored
 * precision differs. With TFLM's bias scale s_x · s_w the int32 biases of small models are almost always
 * within int16 (shift 0, nothing lost); where a bias is larger the shift drops its low bits, a change of at
 * most 2^(shift−1) in an accumulator of that magnitude.
 *
 * Why not int32 as TFLM stores them: the biases are a sizeable share of a compressed multi-model image
 * (docs/compression-research.md: 10.2 KB of 14.7 KB fixed overhead for the built-ins), and halving them
 * costs no accuracy where the shift is 0.
 */

/** A layer's biases as stored: int16 values and one shift; the int32 bias of unit u is values[u] << shift. */
export interface StoredBias {
  values: Int16Array;
  shift: number;
}

const INT16_MAX = 32767;
const INT16_MIN = -32768;
const MAX_SHIFT = 16;

/**
 * The smallest shift s (0..16) such that every bias rounded to a multiple of 2^s fits int16, and the values.
 * Rounding is to nearest, ties away from zero, as the rest of the lowering. At shift 16 (only biases beyond
 * ±2^30) values saturate to int16, so that value · 2^16 never leaves int32 in the runtime.
 */
export function packBias(bias: Int32Array): StoredBias {
  let shift = 0;
  for (;;) {
    const values = new Int16Array(bias.length);
    let fits = true;
    for (let u = 0; u < bias.length && fits; u++) {
      let v = shiftRound(bias[u], shift);
      if (shift === MAX_SHIFT) v = Math.min(INT16_MAX, Math.max(INT16_MIN, v));
      if (v > INT16_MAX || v < INT16_MIN) fits = false;
      else values[u] = v;
    }
    if (fits) return { values, shift };
    shift++;
  }
}

/** The int32 biases a stored bias gives the runtime: values[u] · 2^shift. */
export function unpackBias(b: StoredBias): Int32Array {
  const scale = 2 ** b.shift;
  return Int32Array.from(b.values, (v) => v * scale);
}

/** The int32 biases as the runtime sees them after storage (packBias then unpackBias). */
export const storedInt32Bias = (bias: Int32Array): Int32Array => unpackBias(packBias(bias));

/** Bytes of `units` stored biases (the shift lives in the layer's descriptor). */
export const storedBiasBytes = (units: number): number => units * 2;

/** round(v / 2^s), ties away from zero, exact for int32 v. */
function shiftRound(v: number, s: number): number {
  if (s === 0) return v;
  const d = 2 ** s;
  const a = Math.floor((Math.abs(v) + d / 2) / d);
  return v < 0 ? -a : a;
}
