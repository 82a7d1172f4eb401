/**
 * Deterministic synthetic "weights" for the k-means benchmarks: subvectors from a mixture of layers,
 * each Laplacian or Gaussian with its own scale (log-uniform over ~0.004..0.25, like real layers of very
 * different magnitudes), with per-unit scale jitter. Layers are contiguous, as when real kernels are
 * concatenated.
 */
import { createRng, laplacian, sampleIndices } from '../src/core/util/random';

/** Description of the generator, for reports. */
export const WEIGHTS_DESCRIPTION = '16 layers, alternately Laplacian and Gaussian, scales log-uniform in [0.004, 0.25], per-unit (16 subvectors) scale jitter x[0.5, 1.5]';

/** (n x d) synthetic weight subvectors, the same for the same (n, d, seed). */
export function syntheticWeights(n: number, d: number, seed: number): Float32Array {
  const r = createRng(seed);
  const layers = 16;
  const share = Array.from({ length: layers }, () => 0.2 + r());
  const total = share.reduce((a, b) => a + b, 0);
  const x = new Float32Array(n * d); // (n x d)
  let row = 0;
  for (let l = 0; l < layers; l++) {
    const rows = l === layers - 1 ? n - row : Math.floor((n * share[l]) / total);
    const scale = 0.004 * Math.pow(0.25 / 0.004, r());
    const laplace = l % 2 === 0;
    let unitScale = scale;
    for (let i = 0; i < rows; i++, row++) {
      if (i % 16 === 0) unitScale = scale * (0.5 + r());
      for (let j = 0; j < d; j++) {
        // std = unitScale for both: Laplace(b) has std b·√2
        x[row * d + j] = laplace ? laplacian(r, 0, unitScale / Math.SQRT2) : r.gauss(0, unitScale);
      }
    }
  }
  return x;
}

/** (k x d) fixed initial centroids: k distinct rows of x picked with a seeded sampler. */
export function fixedInitialCentroids(x: Float32Array, n: number, d: number, k: number, seed: number): Float32Array {
  const idx = sampleIndices(n, k, createRng(seed));
  const c = new Float32Array(k * d);
  for (let i = 0; i < k; i++) c.set(x.subarray(idx[i] * d, idx[i] * d + d), i * d);
  return c;
}
