/** Error metrics of a quantized weight tensor against the original (accumulated in float64). */

function checkSameLength(fn: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`${fn}: the arrays differ in length (${a.length} vs ${b.length}); compare the same tensor`);
}

/** Mean squared error; 0 for empty arrays. */
export function mse(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkSameLength('mse', a, b);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i] - b[i];
    s += e * e;
  }
  return a.length === 0 ? 0 : s / a.length;
}

/**
 * Signal-to-quantization-noise ratio in dB: 10 log10(sum original² / sum (original - approx)²).
 * Infinity when approx is exact; -Infinity when the original is all zeros but approx is not.
 */
export function sqnrDb(original: ArrayLike<number>, approx: ArrayLike<number>): number {
  checkSameLength('sqnrDb', original, approx);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    const e = o - approx[i];
    signal += o * o;
    noise += e * e;
  }
  if (noise === 0) return Infinity;
  return 10 * Math.log10(signal / noise);
}
