import { describe, expect, it } from 'vitest';
import { createRng } from '../util/random';
import { ALIGN_FLOATS, liveSizes, planArena } from './arena';

describe('planArena', () => {
  it('never overlaps two buffers whose lifetimes intersect, and reuses memory', () => {
    const r = createRng(4);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(r() * 12);
      const bufs = Array.from({ length: n }, (_, i) => ({ size: 1 + Math.floor(r() * 100), first: i, last: i + Math.floor(r() * 4) }));
      const { offsets, size } = planArena(bufs);
      for (let i = 0; i < n; i++) {
        expect(offsets[i] % ALIGN_FLOATS).toBe(0);
        expect(offsets[i] + bufs[i].size).toBeLessThanOrEqual(size);
        for (let j = 0; j < i; j++) {
          const live = bufs[i].first <= bufs[j].last && bufs[j].first <= bufs[i].last;
          const apart = offsets[i] + bufs[i].size <= offsets[j] || offsets[j] + bufs[j].size <= offsets[i];
          if (live) expect(apart).toBe(true);
        }
      }
      const peakLive = Math.max(...liveSizes(bufs, n + 4));
      expect(size).toBeGreaterThanOrEqual(peakLive);
    }
  });

  it('a chain of layers needs two buffers, not one per layer', () => {
    const bufs = Array.from({ length: 10 }, (_, i) => ({ size: 100, first: i, last: i + 1 }));
    expect(planArena(bufs).size).toBe(200);
  });
});
