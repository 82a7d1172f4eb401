/**
 * Int8 affine quantisation (TFLite's scheme): real = scale · (q − zeroPoint), q in [−128, 127].
 * Activations: per tensor, asymmetric, the range widened to include 0 so that 0 is exact (padding and
 * ReLU need it). Weights: per output channel, symmetric (zeroPoint 0, q in [−127, 127]). Scales are
 * float32 values, as the bundle and the C runtime store them.
 */

export const INT8_MIN = -128;
export const INT8_MAX = 127;

/** Quantisation parameters of an int8 tensor. */
export interface AffineParams {
  /** float32 > 0. */
  scale: number;
  /** int in [−128, 127]. */
  zeroPoint: number;
}

/** Round half away from zero (C's roundf/round, TFLite's TfLiteRound) of a value with |v| < 2^52. */
export function roundHalfAway(v: number): number {
  return v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5);
}

/**
 * Parameters for real values in [min, max], as TFLite's ChooseQuantizationParams: the range is widened to
 * include 0, scale = (max − min) / 255 (as float32), and the zero point is the one (from the min or the
 * max end) with the smaller rounding error, rounded and clamped to int8. An all-zero range gives scale 1.
 * Throws a RangeError for a non-finite or inverted range.
 */
export function chooseActivationParams(min: number, max: number): AffineParams {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new RangeError(`activation range must be finite with min <= max, got [${min}, ${max}]`);
  const lo = Math.min(min, 0);
  const hi = Math.max(max, 0);
  if (hi === lo) return { scale: 1, zeroPoint: 0 };
  const scale = Math.fround((hi - lo) / (INT8_MAX - INT8_MIN));
  if (!(scale > 0)) throw new RangeError(`activation range [${min}, ${max}] is too narrow for a float32 scale`);
  const fromMin = INT8_MIN - lo / scale;
  const fromMax = INT8_MAX - hi / scale;
  const errMin = Math.abs(INT8_MIN) + Math.abs(lo / scale);
  const errMax = Math.abs(INT8_MAX) + Math.abs(hi / scale);
  const zp = errMin < errMax ? fromMin : fromMax;
  return { scale, zeroPoint: Math.min(INT8_MAX, Math.max(INT8_MIN, roundHalfAway(zp))) };
}

/**
 * The int8 value of a float32 `x`: round(x / scale) + zeroPoint (the division in float32, ties away from
 * zero, as TFLM's AffineQuantize and the C runtime's yono_quantize_f32), clamped to [−128, 127]; NaN
 * gives the zero point. `x` and `p.scale` are float32 values.
 */
export function quantizeValue(x: number, p: AffineParams): number {
  const v = Math.fround(x / p.scale);
  if (Number.isNaN(v)) return p.zeroPoint;
  if (v > 1024) return INT8_MAX;
  if (v < -1024) return INT8_MIN;
  const q = roundHalfAway(v) + p.zeroPoint;
  return q < INT8_MIN ? INT8_MIN : q > INT8_MAX ? INT8_MAX : q;
}

/** Quantises a float32 array into `out` (allocated when absent). */
export function quantizeArray(x: ArrayLike<number>, p: AffineParams, out = new Int8Array(x.length)): Int8Array {
  for (let i = 0; i < x.length; i++) out[i] = quantizeValue(x[i], p);
  return out;
}

/** The float32 value of an int8 `q`: scale · (q − zeroPoint), one float32 multiply as in the C runtime. */
export function dequantizeValue(q: number, p: AffineParams): number {
  return Math.fround(p.scale * (q - p.zeroPoint));
}

/**
 * Symmetric per-channel weight quantisation: for each of `channels` output channels (the last axis of
 * `w`, TensorFlow layout), scale = max|w| / 127 as float32 (1 for an all-zero channel) and
 * q = round(w / scale) clamped to [−127, 127].
 */
export function quantizeWeightsPerChannel(w: Float32Array, channels: number): { q: Int8Array; scales: Float32Array } {
  if (channels <= 0 || w.length % channels !== 0) throw new RangeError(`${w.length} weights do not split into ${channels} channels`);
  const scales = new Float32Array(channels);
  for (let i = 0; i < w.length; i++) scales[i % channels] = Math.max(scales[i % channels], Math.abs(w[i]));
  for (let c = 0; c < channels; c++) scales[c] = scales[c] > 0 ? Math.fround(scales[c] / 127) : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = roundHalfAway(Math.fround(w[i] / scales[i % channels]));
    q[i] = Math.max(-127, Math.min(127, v));
  }
  return { q, scales };
}

/**
 * An int32 bias for an accumulator of scale inputScale · weightScale: round(b / (inputScale · weightScale))
 * in double precision, ties away from zero, saturated to int32 (computed at export; the C never does it).
 */
export function quantizeBias(b: number, inputScale: number, weightScale: number): number {
  const v = roundHalfAway(b / (inputScale * weightScale));
  return v > 0x7fffffff ? 0x7fffffff : v < -0x80000000 ? -0x80000000 : v;
}
