import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import { assign } from '../../pq/assign';
import type { WeightedPoints } from './weighted';
import { solveCodewords, weightedAssign, weightedKmeans } from './weighted';

/** n random points of dimension d over `nm` random SPD metrics with random positive weights. */
function points(n: number, d: number, nm: number, seed: number): WeightedPoints {
  const r = createRng(seed);
  const metrics = new Float64Array(nm * d * d);
  for (let m = 0; m < nm; m++) {
    // H = B Bᵀ + 0.1 I, B random
    const B = Array.from({ length: d * d }, () => r.gauss(0, 1));
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      let s = i === j ? 0.1 : 0;
      for (let k = 0; k < d; k++) s += B[i * d + k] * B[j * d + k];
      metrics[m * d * d + i * d + j] = s;
    }
  }
  return {
    d, metrics,
    x: Float32Array.from({ length: n * d }, () => r.gauss(0, 1)),
    metric: Int32Array.from({ length: n }, () => r.int(nm)),
    weight: Float64Array.from({ length: n }, () => 0.2 + r()),
  };
}

/** w (x − c)ᵀ H (x − c) in float64, the brute-force reference. */
function cost(p: WeightedPoints, i: number, c: ArrayLike<number>, off = 0): number {
  const d = p.d;
  const H = p.metrics.subarray(p.metric[i] * d * d, (p.metric[i] + 1) * d * d);
  let s = 0;
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) s += (p.x[i * d + a] - c[off + a]) * H[a * d + b] * (p.x[i * d + b] - c[off + b]);
  return p.weight[i] * s;
}

describe('weighted k-means', () => {
  it('assigns every point to the codeword of least weighted error, and sums the objective (brute force)', () => {
    const p = points(200, 3, 4, 1);
    const k = 7;
    const cb = Float32Array.from({ length: k * 3 }, (_, i) => Math.sin(i * 1.7) * 1.5);
    const out = new Uint32Array(200);
    const total = weightedAssign(p, cb, k, out);
    let ref = 0;
    for (let i = 0; i < 200; i++) {
      const costs = Array.from({ length: k }, (_, q) => cost(p, i, cb, q * 3));
      const best = costs.indexOf(Math.min(...costs));
      expect(costs[out[i]]).toBeCloseTo(costs[best], 9);
      ref += costs[best];
    }
    expect(total).toBeCloseTo(ref, 6);
  });

  it('the update gives each codeword the minimiser of its points\' weighted error', () => {
    const p = points(120, 2, 3, 2);
    const k = 4;
    const cb = Float32Array.from([1, 1, -1, 1, 1, -1, -1, -1]);
    const a = new Uint32Array(120);
    const sums = { M: new Float64Array(k * 4), v: new Float64Array(k * 2) };
    weightedAssign(p, cb, k, a, undefined, sums);
    const { codebook } = solveCodewords(sums.M, sums.v, cb, k, 2);
    for (let q = 0; q < k; q++) {
      const mine = [...a.keys()].filter((i) => a[i] === q);
      const f = (c: number[]) => mine.reduce((s, i) => s + cost(p, i, c), 0);
      const c = [codebook[q * 2], codebook[q * 2 + 1]];
      for (const [dx, dy] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]]) expect(f([c[0] + dx, c[1] + dy])).toBeGreaterThanOrEqual(f(c) - 1e-9);
    }
  });

  it('with identity metrics and equal weights it is plain k-means assignment, and its objective never rises', () => {
    const n = 300;
    const d = 4;
    const r = createRng(3);
    const x = Float32Array.from({ length: n * d }, () => r.gauss(0, 1));
    const eye = new Float64Array(d * d);
    for (let i = 0; i < d; i++) eye[i * d + i] = 1;
    const p: WeightedPoints = { d, x, metric: new Int32Array(n), metrics: eye, weight: new Float64Array(n).fill(1) };
    const init = x.slice(0, 8 * d);
    const res = weightedKmeans(p, { k: 8, init, maxIter: 10, tol: 0 });
    for (let i = 1; i < res.objective.length; i++) expect(res.objective[i]).toBeLessThanOrEqual(res.objective[i - 1] * (1 + 1e-12));
    const plain = assign(x, n, d, res.codebook, 8);
    expect(Array.from(res.assignments)).toEqual(Array.from(plain.assignments));
    expect(res.objective[res.objective.length - 1]).toBeCloseTo(plain.inertia, 3);
  });

  it('is deterministic', () => {
    const p = points(150, 3, 2, 4);
    const init = p.x.slice(0, 15);
    const a = weightedKmeans(p, { k: 5, init, maxIter: 5, tol: 0, seed: 9 });
    const b = weightedKmeans(p, { k: 5, init, maxIter: 5, tol: 0, seed: 9 });
    expect(Array.from(a.codebook)).toEqual(Array.from(b.codebook));
  });
});
