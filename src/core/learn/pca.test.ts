import { describe, expect, it } from 'vitest';
import { fitProjection, pca2, project, symmetricEigen } from './pca';
import { createRng } from '../util/random';

describe('2-D projection', () => {
  it('diagonalizes a symmetric matrix: A v = λ v for every pair', () => {
    const n = 6;
    const r = createRng(3);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) { a[i * n + j] = a[j * n + i] = r() - 0.5; }
    const { values, vectors } = symmetricEigen(a, n);
    for (let c = 0; c < n; c++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + c];
        expect(av).toBeCloseTo(values[c] * vectors[i * n + c], 9);
      }
    }
  });

  it('is the identity for d = 2', () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const p = fitProjection(x, 2, 2);
    expect(p.isPca).toBe(false);
    expect(Array.from(project(p, x, 2))).toEqual([1, 2, 3, 4]);
  });

  it('finds the plane of data that lies in a plane of 4-D space', () => {
    const r = createRng(8);
    const n = 100, d = 4;
    const x = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const u = r() * 4 - 2, v = r() - 0.5; // a wide and a narrow direction
      x[i * d] = u + 1; x[i * d + 1] = u; x[i * d + 2] = v; x[i * d + 3] = -v;
    }
    const p = fitProjection(x, n, d);
    expect(p.isPca).toBe(true);
    expect(p.explained[0] + p.explained[1]).toBeCloseTo(1, 9);
    expect(p.explained[0]).toBeGreaterThan(p.explained[1]);
    // The first axis is (1, 1, 0, 0)/sqrt2 with a positive orientation.
    expect(p.axes[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(p.axes[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(fitProjection(x, n, d)).toEqual(p);
  });
});

describe('pca2', () => {
  it('finds the axes of an elongated 3-D cloud and the share of variance on each', () => {
    const rnd = createRng(3);
    const n = 4000;
    const x = new Float32Array(n * 3);
    // variance 9 along (1,1,0)/√2, 1 along z, 0.01 along (1,-1,0)/√2, centred at (5, -2, 1)
    for (let i = 0; i < n; i++) {
      const a = rnd.gauss(0, 3), b = rnd.gauss(0, 1), c = rnd.gauss(0, 0.1);
      x[3 * i] = 5 + (a + c) / Math.SQRT2;
      x[3 * i + 1] = -2 + (a - c) / Math.SQRT2;
      x[3 * i + 2] = 1 + b;
    }
    const p = pca2(x, n, 3);
    expect(p.mean[0]).toBeCloseTo(5, 0);
    expect(Math.abs(p.axes[0])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(p.axes[1])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(p.axes[5])).toBeCloseTo(1, 2);
    expect(p.explained[0]).toBeCloseTo(9 / 10.01, 1);
    expect(p.explained[1]).toBeCloseTo(1 / 10.01, 1);
    const q = project(p, x, n);
    let s0 = 0, s1 = 0;
    for (let i = 0; i < n; i++) { s0 += q[2 * i] ** 2; s1 += q[2 * i + 1] ** 2; }
    expect(s0 / n).toBeGreaterThan(7);
    expect(s1 / n).toBeLessThan(1.3);
  });

  it('centres d = 2 too, and handles d = 1 and constant data without NaN', () => {
    const two = pca2(Float32Array.from([1, 1, 3, 3]), 2, 2);
    expect(Array.from(two.mean)).toEqual([2, 2]);
    expect(two.explained[0]).toBeCloseTo(1, 9);
    const p = pca2(Float32Array.from([1, 2, 3]), 3, 1);
    expect(p.explained).toEqual([1, 0]);
    const z = pca2(new Float32Array(8).fill(2), 4, 2);
    expect(z.explained).toEqual([0, 0]);
    expect(Array.from(project(z, new Float32Array(8).fill(2), 4)).every((v) => v === 0)).toBe(true);
  });

  it('rejects a wrong size', () => {
    expect(() => pca2(new Float32Array(5), 2, 3)).toThrow(/not 2 rows of 3/);
  });
});
