import { describe, expect, it } from 'vitest';
import { assignStep, clusterSizes, inertiaOf, updateStep } from './lloyd';
import { createRng } from '../util/random';

function randomPoints(n: number, d: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: n * d }, () => r() * 2 - 1);
}

describe('Lloyd pieces', () => {
  it('assigns each point to its brute-force nearest centroid', () => {
    const n = 200, d = 3, k = 7;
    const x = randomPoints(n, d, 1);
    const c = randomPoints(k, d, 2);
    const a = new Int32Array(n);
    const inertia = assignStep(x, n, d, c, k, a);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const dists = Array.from({ length: k }, (_, j) => Array.from({ length: d }, (_, t) => (x[i * d + t] - c[j * d + t]) ** 2).reduce((p, q) => p + q));
      const best = dists.indexOf(Math.min(...dists));
      expect(a[i]).toBe(best);
      sum += dists[best];
    }
    expect(inertia).toBeCloseTo(sum, 10);
    expect(inertiaOf(x, n, d, a, c)).toBeCloseTo(sum, 10);
  });

  it('moves centroids to the means, keeps an empty one, and does not raise the inertia', () => {
    const x = new Float64Array([0, 0, 2, 0, 10, 10, 12, 10]);
    const c = new Float64Array([1, 1, 11, 9, 100, 100]);
    const a = new Int32Array(4);
    const before = assignStep(x, 4, 2, c, 3, a);
    expect(Array.from(a)).toEqual([0, 0, 1, 1]);
    const next = updateStep(x, 4, 2, a, c, 3);
    expect(Array.from(next)).toEqual([1, 0, 11, 10, 100, 100]);
    expect(inertiaOf(x, 4, 2, a, next)).toBeLessThanOrEqual(before);
    expect(Array.from(clusterSizes(a, 3))).toEqual([2, 2, 0]);
  });

});
