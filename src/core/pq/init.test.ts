import { describe, expect, it } from 'vitest';
import { initCentroids, kmeansPlusPlus } from './init';
import { createRng } from '../util/random';
import { blobs } from './testing';

describe('initCentroids', () => {
  const n = 600;
  const d = 4;
  const x = blobs(n, d, 6, 4, 0.05);
  const rows = new Set(Array.from({ length: n }, (_, i) => x.subarray(i * d, i * d + d).join(',')));

  it('k-means++ picks k distinct data points and spreads over the blobs', () => {
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    const c = kmeansPlusPlus(x, d, all, 6, createRng(1));
    const picked = Array.from({ length: 6 }, (_, i) => c.subarray(i * d, i * d + d).join(','));
    expect(new Set(picked).size).toBe(6);
    for (const p of picked) expect(rows.has(p)).toBe(true);
    // with 6 well-separated blobs, D² sampling lands one centre near each blob: no two are close
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (c[a * d + j] - c[b * d + j]) ** 2;
      expect(s).toBeGreaterThan(0.5);
    }
  });

  it("is seeded for 'kmeans++' and 'sampled', and copies explicit centroids", () => {
    for (const m of ['kmeans++', 'sampled'] as const) {
      expect(initCentroids(x, n, d, 5, m, createRng(9))).toEqual(initCentroids(x, n, d, 5, m, createRng(9)));
      expect(initCentroids(x, n, d, 5, m, createRng(9))).not.toEqual(initCentroids(x, n, d, 5, m, createRng(10)));
    }
    const fixed = new Float32Array(5 * d).fill(2);
    const got = initCentroids(x, n, d, 5, fixed, createRng(1));
    expect(got).toEqual(fixed);
    expect(got).not.toBe(fixed);
  });

  it('rejects unknown methods and too many centres', () => {
    expect(() => initCentroids(x, n, d, 5, 'random' as 'sampled', createRng(1))).toThrow(/unknown init 'random'/);
    expect(() => kmeansPlusPlus(x, d, Uint32Array.from([1, 2]), 3, createRng(1))).toThrow(/3 centres asked from 2 candidates/);
  });
});
