import type { WeightLayer } from '../../models/ir';
import { storedScale } from './stored';

/**
 * Output units of a kernel in the IR convention: the last axis (dense, conv1d, conv2d) or
 * cin * depthMultiplier (depthwise), which are the last two axes flattened. In every case the unit of
 * flat index i is i % units.
 */
export function outputUnits(kind: WeightLayer['kind'], shape: number[]): number {
  const n = shape.length;
  return kind === 'depthwiseConv2d' ? shape[n - 2] * shape[n - 1] : shape[n - 1];
}

/**
 * Symmetric per-output-channel int8 quantization: scale[c] = max|w_c| / 127, q = round(w / scale)
 * clamped to [-127, 127]. An all-zero channel gets scale 0 and q 0. With `f16Scales` (as the pipeline
 * stores int8 layers) each scale is rounded to float16 first (stored.ts: a RangeError beyond ±65504)
 * and q is computed against the rounded scale.
 */
export function quantizeInt8(w: Float32Array, units: number, f16Scales = false): { q: Int8Array; scales: Float32Array } {
  if (units < 1 || w.length % units !== 0) {
    throw new Error(`int8: a kernel of ${w.length} weights does not split into ${units} output channels`);
  }
  const maxAbs = new Float32Array(units);
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]);
    const c = i % units;
    if (a > maxAbs[c]) maxAbs[c] = a;
  }
  const scales = new Float32Array(units);
  for (let c = 0; c < units; c++) scales[c] = f16Scales ? storedScale(maxAbs[c] / 127, `int8 scale of channel ${c}`) : maxAbs[c] / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const s = scales[i % units];
    if (s === 0) continue;
    const v = Math.round(w[i] / s);
    q[i] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
  return { q, scales };
}

/** Inverse of quantizeInt8: w = q * scale[i % units]. */
export function dequantizeInt8(q: Int8Array, scales: Float32Array): Float32Array {
  const units = scales.length;
  if (units < 1 || q.length % units !== 0) {
    throw new Error(`int8: ${q.length} values do not split into ${units} channel scales`);
  }
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i] * scales[i % units];
  return w;
}
