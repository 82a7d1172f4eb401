/**
 * Per-channel sum over all leading axes of a channels-last tensor: out[c] = scale * sum over r of
 * x[r * C + c], with x (rows x C). Accumulates in float64. The reduction batch norm and its gradient
 * need over (batch, height, width), which tfjs's WASM Sum/Mean do only after a full transpose.
 */
export function channelSumImpl(x: Float32Array, rows: number, channels: number, out: Float32Array, scale = 1): void {
  if (x.length !== rows * channels) throw new Error(`channelSum: expected ${rows * channels} values, got ${x.length}`);
  if (out.length !== channels) throw new Error(`channelSum: output must hold ${channels} values`);
  const acc = new Float64Array(channels);
  for (let r = 0, off = 0; r < rows; r++, off += channels) {
    for (let c = 0; c < channels; c++) acc[c] += x[off + c];
  }
  for (let c = 0; c < channels; c++) out[c] = acc[c] * scale;
}
