import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, laplacian, permutation, sampleIndices, shuffle } from './random';
import { mulberry32 } from './prng.mjs';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(sa);
  });
  it('is the mulberry32 stream: calling it and next() draw from the one stream', () => {
    const r = createRng(11);
    const m = mulberry32(11);
    for (let i = 0; i < 10; i++) expect(i % 2 ? r() : r.next()).toBe(m());
  });
  it('stays in [0, 1) with a mean near 1/2', () => {
    const r = createRng(1);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const v = r();
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
    }
    expect(sum / 20000).toBeCloseTo(0.5, 2);
  });
  it('keeps its stream across versions (pinned first output for seed 0)', () => {
    // Data sets and demos depend on this exact stream: changing the generator breaks saved seeds.
    const r = createRng(0);
    expect(Math.round(r() * 4294967296)).toBe(1144304738);
  });
});

describe('draws', () => {
  it('int covers [0, n) only; uniform stays in [lo, hi); pick takes every item', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < 1000; i++) { const v = r.uniform(-2, 3); expect(v >= -2 && v < 3).toBe(true); }
    const picked = new Set(Array.from({ length: 200 }, () => r.pick(['a', 'b', 'c'])));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
  });
  it('normal has mean 0 and sd 1; gauss the asked mean and sd', () => {
    const r = createRng(7);
    const n = 40000;
    let s = 0, s2 = 0, g = 0, g2 = 0;
    for (let i = 0; i < n; i++) { const v = r.normal(); s += v; s2 += v * v; const w = r.gauss(2, 3); g += w; g2 += w * w; }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(s2 / n) - 1)).toBeLessThan(0.03);
    expect(g / n).toBeCloseTo(2, 1);
    expect(Math.sqrt(g2 / n - (g / n) ** 2)).toBeCloseTo(3, 1);
  });
  it('laplacian has variance 2b²', () => {
    const r = createRng(6);
    const n = 40000;
    let s2 = 0;
    for (let i = 0; i < n; i++) { const v = laplacian(r, 0, 0.5); s2 += v * v; }
    expect(s2 / n).toBeCloseTo(0.5, 1);
  });
});

describe('orderings', () => {
  it('shuffle returns a permutation and is seeded', () => {
    const a = shuffle(Array.from({ length: 50 }, (_, i) => i), createRng(9));
    const b = shuffle(new Int32Array(50).map((_, i) => i), createRng(9));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(b)).toEqual(a);
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it('permutation holds every index once and is seeded', () => {
    const p = permutation(1000, createRng(5));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(permutation(1000, createRng(5))).toEqual(p);
    expect(permutation(1000, createRng(6))).not.toEqual(p);
  });
  it('sampleIndices gives m distinct in-range indices and rejects m > n', () => {
    const s = sampleIndices(100, 30, createRng(2));
    expect(new Set(s).size).toBe(30);
    expect(Math.max(...s)).toBeLessThan(100);
    expect(() => sampleIndices(3, 4, createRng(2))).toThrow(/m <= n/);
  });
  it('derives different seeds for different tags', () => {
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });
});
