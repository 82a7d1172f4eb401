import { describe, expect, it } from 'vitest';
import { kmeans } from './kmeans';
import { assign } from './assign';
import { blobs, bruteForce } from './testing';
import { CancelledError } from '../util/progress';

describe('kmeans', () => {
  const n = 1500;
  const d = 8;
  const x = blobs(n, d, 40, 1);

  it('final assignments are the brute-force nearest codewords of the final codebook', async () => {
    const r = await kmeans(x, n, d, { k: 32, seed: 3, maxIter: 20 });
    const ref = bruteForce(x, n, d, r.codebook, 32);
    for (let i = 0; i < n; i++) {
      if (ref.second[i] - ref.dist[i] > 1e-4 * (1 + ref.dist[i])) expect(r.assignments[i]).toBe(ref.best[i]);
    }
    expect(r.inertia).toBeCloseTo(ref.dist.reduce((a, b) => a + b, 0), 6);
    expect(r.assignments).toBeInstanceOf(Uint16Array);
    expect(r.inertia).toBe(r.inertiaHistory[r.inertiaHistory.length - 1]);
  });

  it('never increases the inertia across Lloyd iterations', async () => {
    const r = await kmeans(x, n, d, { k: 64, seed: 5, maxIter: 30, tol: 0, init: 'sampled' });
    expect(r.iterations).toBe(30);
    expect(r.inertiaHistory).toHaveLength(31);
    for (let i = 1; i < r.inertiaHistory.length; i++) {
      // float rounding of the centroids may add ~1e-7 relative once converged; never more
      expect(r.inertiaHistory[i]).toBeLessThanOrEqual(r.inertiaHistory[i - 1] * (1 + 1e-7));
    }
    expect(r.inertiaHistory[30]).toBeLessThan(r.inertiaHistory[0]);
  });

  it('gives identical codebooks for the same seed, different ones for another seed', async () => {
    for (const init of ['kmeans++', 'sampled'] as const) {
      const a = await kmeans(x, n, d, { k: 16, seed: 7, maxIter: 5, init });
      const b = await kmeans(x, n, d, { k: 16, seed: 7, maxIter: 5, init });
      const c = await kmeans(x, n, d, { k: 16, seed: 8, maxIter: 5, init });
      expect(b.codebook).toEqual(a.codebook);
      expect(b.assignments).toEqual(a.assignments);
      expect(c.codebook).not.toEqual(a.codebook);
    }
  });

  it('gives the same result on the WASM and the TS engine', async () => {
    for (const dd of [8, 9]) {
      const y = blobs(700, dd, 20, dd);
      const w = await kmeans(y, 700, dd, { k: 24, seed: 1, maxIter: 8, tol: 0, backend: 'wasm' });
      const t = await kmeans(y, 700, dd, { k: 24, seed: 1, maxIter: 8, tol: 0, backend: 'ts' });
      expect([w.backend, t.backend]).toEqual(['wasm', 'ts']);
      expect(t.codebook).toEqual(w.codebook);
      expect(t.assignments).toEqual(w.assignments);
      expect(t.inertiaHistory).toEqual(w.inertiaHistory);
    }
  });

  it('stops between iterations when cancelled, after reporting progress', async () => {
    const seen: number[] = [];
    let polls = 0;
    const run = kmeans(x, n, d, {
      k: 16, maxIter: 50, tol: 0,
      onProgress: (p) => seen.push(p.fraction),
      shouldCancel: async () => ++polls > 3, // init check + 2 iterations, then stop
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen).toEqual([1 / 50, 2 / 50]);
  });

  it('stops early on the tolerance', async () => {
    const r = await kmeans(x, n, d, { k: 8, seed: 2, maxIter: 200, tol: 1e-3 });
    expect(r.iterations).toBeLessThan(200);
    const h = r.inertiaHistory;
    const last = r.iterations - 1;
    expect(h[last - 1] - h[last]).toBeLessThanOrEqual(1e-3 * h[last - 1]);
  });

  it('re-seeds an empty cluster with the farthest point', async () => {
    // Two tight groups; the third initial centroid is far away and gets no point in iteration 1.
    const y = Float32Array.from([0, 0.1, 0.2, 10, 10.1, 10.2, 30]);
    const r = await kmeans(y, 7, 1, { k: 3, maxIter: 5, init: Float32Array.from([0, 10, 1000]) });
    expect(Array.from(r.codebook).sort((a, b) => a - b)).toEqual([Math.fround(0.1), Math.fround(10.1), 30]);
    expect(new Set(r.assignments).size).toBe(3);
  });

  it('copes with fewer distinct points than k and with k = n', async () => {
    const dup = new Float32Array(40).fill(1); // 20 identical 2-d points
    const r = await kmeans(dup, 20, 2, { k: 5, seed: 1, maxIter: 3 });
    expect(r.inertia).toBe(0);
    const all = await kmeans(x, 50, d, { k: 50, seed: 1, maxIter: 3 });
    expect(all.inertia).toBe(0);
  });

  it('maxIter = 0 returns the initial centroids and their assignment', async () => {
    const init = x.slice(0, 4 * d);
    const r = await kmeans(x, n, d, { k: 4, maxIter: 0, init });
    expect(r.codebook).toEqual(init);
    expect(r.iterations).toBe(0);
    expect(r.assignments).toEqual(assign(x, n, d, init, 4).assignments);
  });

  it('rejects bad options with what to fix', async () => {
    await expect(kmeans(x, n, d, { k: n + 1 })).rejects.toThrow(/k must be an integer in 1\.\.n/);
    await expect(kmeans(x, n, d, { k: 0 })).rejects.toThrow(/k must be an integer/);
    await expect(kmeans(x, n, d, { k: 4, maxIter: -1 })).rejects.toThrow(/maxIter/);
    await expect(kmeans(x, n, d, { k: 4, init: new Float32Array(3) })).rejects.toThrow(/need k \* d = 32/);
    await expect(kmeans(x, n, d, { k: 4, tol: NaN })).rejects.toThrow(/tol must be >= 0/);
  });
});

describe('empty-cluster repair at scale', () => {
  it('re-seeds many empty clusters (the sorted path) and leaves none empty', async () => {
    // 40 centroids far from every point: 40 empty clusters in iteration 1, more than the scan path handles.
    const n = 2000;
    const x = blobs(n, 2, 30, 9);
    const init = new Float32Array(60 * 2);
    init.set(x.subarray(0, 20 * 2));
    for (let i = 20; i < 60; i++) { init[2 * i] = 1e4 + i; init[2 * i + 1] = 1e4; }
    const r = await kmeans(x, n, 2, { k: 60, init, maxIter: 3, tol: 0 });
    expect(new Set(r.assignments).size).toBe(60);
    expect(Math.max(...r.codebook)).toBeLessThan(100);
  });
});
