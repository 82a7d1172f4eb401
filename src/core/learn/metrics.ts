/** Reconstruction error figures of the Learn demo (the PQ engine's `mse` / `sqnrDb` compute the same). */

/** Mean squared error between two equally long arrays. */
export function meanSquaredError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`MSE needs two non-empty arrays of one length, got ${a.length} and ${b.length}.`);
  let s = 0;
  for (let i = 0; i < a.length; i++) { const v = a[i] - b[i]; s += v * v; }
  return s / a.length;
}

/** Signal-to-quantization-noise ratio in dB: 10 log10(mean(a²) / mse(a, b)); Infinity when exact. */
export function sqnrDecibels(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const noise = meanSquaredError(a, b);
  let p = 0;
  for (let i = 0; i < a.length; i++) p += a[i] * a[i];
  p /= a.length;
  if (noise === 0) return Infinity;
  return 10 * Math.log10(p / noise);
}
