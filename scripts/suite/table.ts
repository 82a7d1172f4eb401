// A small synthetic tabular classification table for the new-user scenario (scripts/suite/user-scenario.ts).
import { createRng } from '../../src/core/util/random';

/**
 * `n` rows of 8 features in 3 classes: each class a mixture of two Gaussian blobs in the first 4
 * features (overlapping, so an MLP gets ~85-95 %, not 100 %), the class also shifting a nonlinear
 * feature (product of two), and 3 pure-noise features. Seeded; rows interleave the classes.
 */
export function tabularTable(n: number, seed: number): { x: Float32Array; y: Uint8Array; features: number; classes: number } {
  const features = 8;
  const classes = 3;
  const rng = createRng(seed);
  const centres = [[[1, 0, 0, 1], [-1, 1, 0, 0]], [[0, 1, 1, -1], [1, -1, 1, 0]], [[-1, -1, -1, 0], [0, 0, -1, 1]]];
  const x = new Float32Array(n * features);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const centre = centres[c][rng() < 0.5 ? 0 : 1];
    const r = x.subarray(i * features, (i + 1) * features);
    for (let j = 0; j < 4; j++) r[j] = rng.gauss(centre[j], 0.8);
    r[4] = r[0] * r[1] + rng.gauss(0.5 * (c - 1), 0.5);
    for (let j = 5; j < features; j++) r[j] = rng.gauss(0, 1);
    y[i] = c;
  }
  return { x, y, features, classes };
}
