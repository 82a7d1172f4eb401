import { describe, expect, it } from 'vitest';
import { pca2, project } from './pca';
import { createRng } from '../../core/util/random';

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
    const q = project(p, x, n, 3);
    let s0 = 0, s1 = 0;
    for (let i = 0; i < n; i++) { s0 += q[2 * i] ** 2; s1 += q[2 * i + 1] ** 2; }
    expect(s0 / n).toBeGreaterThan(7);
    expect(s1 / n).toBeLessThan(1.3);
  });

  it('handles d = 1 and constant data without NaN', () => {
    const p = pca2(Float32Array.from([1, 2, 3]), 3, 1);
    expect(p.explained[0]).toBeCloseTo(1, 5);
    const z = pca2(new Float32Array(8).fill(2), 4, 2);
    expect(Array.from(project(z, new Float32Array(8).fill(2), 4, 2)).every((v) => v === 0)).toBe(true);
  });

  it('rejects a wrong size', () => {
    expect(() => pca2(new Float32Array(5), 2, 3)).toThrow(/not 2 rows of 3/);
  });
});
