import { describe, expect, it } from 'vitest';
import { benchKmeans, formatKmeansBench } from './kmeans';
import { fixedInitialCentroids, syntheticWeights } from './weights';

describe('synthetic weights', () => {
  it('are deterministic, finite and of very different scales across layers', () => {
    const a = syntheticWeights(4096, 8, 1);
    expect(syntheticWeights(4096, 8, 1)).toEqual(a);
    expect(syntheticWeights(4096, 8, 2)).not.toEqual(a);
    expect(a.every(Number.isFinite)).toBe(true);
    const rms = (lo: number, hi: number) => Math.sqrt(a.subarray(lo * 8, hi * 8).reduce((s, v) => s + v * v, 0) / ((hi - lo) * 8));
    const parts = Array.from({ length: 16 }, (_, i) => rms(i * 256, i * 256 + 64));
    expect(Math.max(...parts) / Math.min(...parts)).toBeGreaterThan(4);
  });
  it('initial centroids are k distinct rows', () => {
    const x = syntheticWeights(1000, 4, 3);
    const c = fixedInitialCentroids(x, 1000, 4, 20, 5);
    const rows = new Set(Array.from({ length: 20 }, (_, i) => c.subarray(i * 4, i * 4 + 4).join()));
    expect(rows.size).toBe(20);
  });
});

describe('benchKmeans on a small workload', () => {
  it('times yono (1 and 2 threads) and ml-kmeans, which reach the same inertia', async () => {
    const r = await benchKmeans({ runs: 1, workload: { n: 3000, d: 8, k: 16, iterations: 5, seed: 1 }, large: false });
    expect(Object.keys(r.implementations)).toEqual(expect.arrayContaining(['yono', 'yono-2-threads', 'ml-kmeans']));
    expect(r.inertiaCheck.relDiff['yono-2-threads']).toBeLessThan(1e-9); // same algorithm, merged sums
    expect(r.implementations.yono.iterations).toBe(5);
    expect(r.implementations['ml-kmeans'].iterations).toBe(5);
    expect(r.inertiaCheck.ok).toBe(true);
    expect(r.inertiaCheck.relDiff['ml-kmeans']).toBeLessThan(1e-5);
    expect(r.ratios['ml-kmeans/yono']).toBeGreaterThan(0);
    expect(formatKmeansBench(r)).toMatch(/yono .* ms\/iter/);
  });
});
