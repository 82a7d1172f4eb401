import { describe, expect, it } from 'vitest';
import { gaussian, laplacian, mulberry32, randomInt, sampleIndices, shuffle } from './random';

describe('mulberry32', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });
  it('stays in [0, 1) with a mean near 1/2', () => {
    const r = mulberry32(1);
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
    const r = mulberry32(0);
    expect(Math.round(r() * 4294967296)).toBe(1144304738);
  });
});

describe('helpers', () => {
  it('randomInt covers [0, n) only', () => {
    const r = mulberry32(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomInt(r, 7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('gaussian has the asked mean and std', () => {
    const r = mulberry32(5);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) { const v = gaussian(r, 2, 3); s += v; s2 += v * v; }
    const mean = s / n;
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.sqrt(s2 / n - mean * mean)).toBeCloseTo(3, 1);
  });
  it('laplacian has variance 2b²', () => {
    const r = mulberry32(6);
    const n = 40000;
    let s2 = 0;
    for (let i = 0; i < n; i++) { const v = laplacian(r, 0, 0.5); s2 += v * v; }
    expect(s2 / n).toBeCloseTo(0.5, 1);
  });
  it('shuffle returns a permutation and is seeded', () => {
    const a = shuffle(Array.from({ length: 50 }, (_, i) => i), mulberry32(9));
    const b = shuffle(new Int32Array(50).map((_, i) => i), mulberry32(9));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(b)).toEqual(a);
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it('sampleIndices gives m distinct in-range indices and rejects m > n', () => {
    const s = sampleIndices(100, 30, mulberry32(2));
    expect(new Set(s).size).toBe(30);
    expect(Math.max(...s)).toBeLessThan(100);
    expect(() => sampleIndices(3, 4, mulberry32(2))).toThrow(/m <= n/);
  });
});
