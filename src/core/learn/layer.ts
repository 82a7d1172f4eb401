/**
 * The Learn demo's layer: a small dense kernel (rows = inputs, cols = units) with weights drawn like a
 * trained layer's (Laplacian, He-scaled, units of somewhat different scale), cut into subvectors by the
 * PQ engine's own layout (per output unit its column, in chunks of d, the last chunk zero-padded).
 */
import { laplacian, createRng } from '../util/random';
import { subvectorLayout } from '../pq/layout';
import type { SubvectorLayout } from '../pq/layout';

/** Weights of a (rows x cols) dense kernel, row-major, determined by the seed. */
export function makeDemoKernel(rows: number, cols: number, seed: number): Float32Array {
  if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0)) {
    throw new Error(`Demo layer size must be positive integers, got ${rows} x ${cols}.`);
  }
  const rnd = createRng(seed);
  const w = new Float32Array(rows * cols); // (rows x cols)
  const b = Math.sqrt(2 / rows) / Math.SQRT2; // Laplace scale giving std = sqrt(2 / fan_in)
  const unitScale = new Float64Array(cols);
  for (let u = 0; u < cols; u++) unitScale[u] = b * (0.6 + 0.8 * rnd());
  for (let i = 0; i < rows; i++) for (let u = 0; u < cols; u++) w[i * cols + u] = laplacian(rnd, 0, unitScale[u]);
  return w;
}

/** The engine's layout of the demo kernel, with its matrix size spelled out. */
export type DemoLayout = SubvectorLayout & { rows: number; cols: number };

/** The layout of a (rows x cols) dense kernel cut into chunks of d. */
export function demoLayout(rows: number, cols: number, d: number): DemoLayout {
  return { ...subvectorLayout('dense', [rows, cols], d), rows, cols };
}

/** The subvector that holds kernel element (row i, unit u). */
export function subvectorOf(i: number, u: number, l: DemoLayout): number {
  return u * l.chunksPerUnit + Math.floor(i / l.d);
}
