import { describe, expect, it } from 'vitest';
import { fitProjection, project, symmetricEigen } from './pca';
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
