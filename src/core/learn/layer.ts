/**
 * The Learn demo's layer: a small dense kernel (rows = inputs, cols = units) with weights drawn like a
 * trained layer's (Laplacian, He-scaled, a few larger units), and its cut into subvectors in the PQ
 * engine's layout: per output unit its receptive field (the kernel column) cut into chunks of d, the
 * last chunk zero-padded.
 */
import { mulberry32 } from './rng';

/** Weights of a (rows x cols) dense kernel, row-major, determined by the seed. */
export function makeDemoKernel(rows: number, cols: number, seed: number): Float32Array {
  if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0)) {
    throw new Error(`Demo layer size must be positive integers, got ${rows} x ${cols}.`);
  }
  const rnd = mulberry32(seed);
  const w = new Float32Array(rows * cols); // (rows x cols)
  const base = Math.sqrt(2 / rows) / Math.SQRT2; // Laplacian scale b with std = sqrt(2 / fan_in)
  const unitScale = new Float64Array(cols);
  for (let u = 0; u < cols; u++) unitScale[u] = base * (0.6 + 0.8 * rnd());
  for (let i = 0; i < rows; i++) {
    for (let u = 0; u < cols; u++) {
      const p = rnd() - 0.5;
      const lap = -Math.sign(p) * Math.log(1 - 2 * Math.abs(p) + 1e-12);
      w[i * cols + u] = lap * unitScale[u];
    }
  }
  return w;
}

/** How a (rows x cols) dense kernel is cut into subvectors of length d. */
export interface DemoLayout {
  rows: number;
  cols: number;
  d: number;
  chunksPerUnit: number;
  /** Zero weights appended to each unit's last chunk. */
  padding: number;
  /** Subvectors: cols * chunksPerUnit; subvector `u * chunksPerUnit + c` is chunk c of unit u. */
  count: number;
}

/** The layout of a dense kernel cut into chunks of d. */
export function demoLayout(rows: number, cols: number, d: number): DemoLayout {
  if (!(Number.isInteger(d) && d >= 1)) throw new Error(`Subvector size d must be a positive integer, got ${d}.`);
  const chunksPerUnit = Math.ceil(rows / d);
  return { rows, cols, d, chunksPerUnit, padding: chunksPerUnit * d - rows, count: cols * chunksPerUnit };
}

/** Cuts the kernel into subvectors: (count x d), padded with zeros. */
export function cutKernel(w: Float32Array, l: DemoLayout): Float64Array {
  const x = new Float64Array(l.count * l.d);
  for (let u = 0; u < l.cols; u++) {
    for (let i = 0; i < l.rows; i++) {
      const s = u * l.chunksPerUnit + Math.floor(i / l.d);
      x[s * l.d + (i % l.d)] = w[i * l.cols + u];
    }
  }
  return x;
}

/** Puts subvectors back into a (rows x cols) kernel, dropping the padding: the inverse of cutKernel. */
export function uncutKernel(x: ArrayLike<number>, l: DemoLayout): Float32Array {
  const w = new Float32Array(l.rows * l.cols);
  for (let u = 0; u < l.cols; u++) {
    for (let i = 0; i < l.rows; i++) {
      const s = u * l.chunksPerUnit + Math.floor(i / l.d);
      w[i * l.cols + u] = x[s * l.d + (i % l.d)];
    }
  }
  return w;
}

/** The subvector that holds kernel element (row i, unit u). */
export function subvectorOf(i: number, u: number, l: DemoLayout): number {
  return u * l.chunksPerUnit + Math.floor(i / l.d);
}
