/** Affine int8 parameters of an activation range (TFLite's quantisation spec: zero point in [-128, 127], 0 exact). */
export function activationQuant(lo: number, hi: number): { scale: number; zeroPoint: number } {
  const min = Math.min(0, lo);
  const max = Math.max(0, hi, min + 1e-6);
  const scale = (max - min) / 255;
  const zeroPoint = Math.max(-128, Math.min(127, Math.round(-128 - min / scale)));
  return { scale, zeroPoint };
}

/**
 * Symmetric per-channel int8 weights (values in [-127, 127], zero point 0): `values` row-major with the
 * channel at position `channelOf(i)`; one scale per channel = max |w| / 127 (1 for an all-zero channel).
 */
export function quantizeWeights(values: Float32Array, channels: number, channelOf: (i: number) => number): { q: Int8Array; scales: Float32Array } {
  const maxAbs = new Float32Array(channels);
  for (let i = 0; i < values.length; i++) { const c = channelOf(i); maxAbs[c] = Math.max(maxAbs[c], Math.abs(values[i])); }
  const scales = Float32Array.from(maxAbs, (m) => (m > 0 ? m / 127 : 1));
  const q = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(values[i] / scales[channelOf(i)])));
  return { q, scales };
}

/** int32 biases with scale inputScale * weightScale[c] (TFLite's bias convention). */
export function quantizeBias(bias: Float32Array, inputScale: number, weightScales: Float32Array): { q: Int32Array; scales: Float32Array } {
  const scales = Float32Array.from(weightScales, (s) => s * inputScale);
  return { q: Int32Array.from(bias, (b, c) => Math.round(b / scales[c])), scales };
}
