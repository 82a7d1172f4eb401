/** Helpers for the PQ unit tests (not exported from index.ts). */
import { createRng } from '../util/random';

/** (n x d) points around `centres` random Gaussian centres, seeded. */
export function blobs(n: number, d: number, centres: number, seed: number, spread = 0.3): Float32Array {
  const r = createRng(seed);
  const c = Float32Array.from({ length: centres * d }, () => r.gauss(0, 3));
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(r() * centres);
    for (let j = 0; j < d; j++) x[i * d + j] = c[b * d + j] + r.gauss(0, spread);
  }
  return x;
}

/** Exact (float64) nearest codeword of every point, and its squared distance and the runner-up's. */
export function bruteForce(x: Float32Array, n: number, d: number, cb: Float32Array, k: number) {
  const best = new Uint32Array(n);
  const dist = new Float64Array(n);
  const second = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b1 = Infinity, b2 = Infinity, a = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) { const e = x[i * d + j] - cb[c * d + j]; s += e * e; }
      if (s < b1) { b2 = b1; b1 = s; a = c; } else if (s < b2) b2 = s;
    }
    best[i] = a; dist[i] = b1; second[i] = b2;
  }
  return { best, dist, second };
}
