/**
 * Colour maps for heatmaps and previews, as RGBA bytes ready for ImageData. Pure: the canvas code only
 * copies the result.
 */

/** Stops of a perceptually ordered map (viridis-like), 0 -> 1. */
const SEQ: [number, number, number][] = [
  [68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
];

/** Sequential colour of t in [0, 1] (clamped). */
export function sequential(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (SEQ.length - 1);
  const i = Math.min(SEQ.length - 2, Math.floor(x));
  const f = x - i;
  const a = SEQ[i], b = SEQ[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/** Diverging colour of t in [-1, 1]: blue for negative, white at 0, red for positive. */
export function diverging(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(-1, Number.isFinite(t) ? t : 0));
  const lo: [number, number, number] = [33, 102, 172];
  const hi: [number, number, number] = [178, 24, 43];
  const c = x < 0 ? lo : hi;
  const f = Math.abs(x);
  return [Math.round(255 + (c[0] - 255) * f), Math.round(255 + (c[1] - 255) * f), Math.round(255 + (c[2] - 255) * f)];
}

/** Min and max of finite values (0, 1 for none). */
export function extent(v: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) { const x = v[i]; if (Number.isFinite(x)) { if (x < lo) lo = x; if (x > hi) hi = x; } }
  return lo === Infinity ? [0, 1] : [lo, hi];
}

/**
 * (rows x cols) values to RGBA bytes, row-major. 'gray' and 'seq' scale min..max to 0..1; 'div' scales
 * by the largest magnitude so 0 stays white.
 */
export function toRgba(v: ArrayLike<number>, rows: number, cols: number, map: 'gray' | 'seq' | 'div'): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rows * cols * 4);
  const [lo, hi] = extent(v);
  const span = hi - lo || 1;
  const mag = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  for (let i = 0; i < rows * cols; i++) {
    const x = v[i];
    let c: [number, number, number];
    if (map === 'div') c = diverging(x / mag);
    else if (map === 'seq') c = sequential((x - lo) / span);
    else { const g = Math.round(((x - lo) / span) * 255); c = [g, g, g]; }
    out[i * 4] = c[0]; out[i * 4 + 1] = c[1]; out[i * 4 + 2] = c[2]; out[i * 4 + 3] = 255;
  }
  return out;
}

/** (rows x cols) row-major -> (cols x rows): e.g. a (frames x bands) spectrogram drawn with time across. */
export function transpose(v: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = v[r * cols + c];
  return out;
}
