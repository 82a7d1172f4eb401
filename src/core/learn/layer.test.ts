import { describe, expect, it } from 'vitest';
import { demoLayout, makeDemoKernel, subvectorOf } from './layer';
import { fromSubvectors, toSubvectors } from '../pq/layout';

describe('demo layer', () => {
  it('is determined by the seed, with a trained-like scale', () => {
    expect(makeDemoKernel(8, 4, 3)).toEqual(makeDemoKernel(8, 4, 3));
    expect(makeDemoKernel(8, 4, 3)).not.toEqual(makeDemoKernel(8, 4, 4));
    const w = makeDemoKernel(64, 32, 1);
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.05); // He-like scale for 64 inputs: ~0.18
    expect(std).toBeLessThan(0.4);
  });

  it('cuts each unit column into chunks of d with the engine layout, and subvectorOf agrees', () => {
    const rows = 5, cols = 3;
    const w = Float32Array.from({ length: rows * cols }, (_, i) => i + 1);
    const l = demoLayout(rows, cols, 2);
    expect(l).toMatchObject({ rows, cols, d: 2, chunksPerUnit: 3, padding: 1, count: 9, units: 3, fieldSize: 5 });
    const x = toSubvectors(w, l);
    // unit 0 = column 0: w[0,0], w[1,0] | w[2,0], w[3,0] | w[4,0], pad
    expect(Array.from(x.subarray(0, 6))).toEqual([1, 4, 7, 10, 13, 0]);
    for (let i = 0; i < rows; i++) {
      for (let u = 0; u < cols; u++) {
        const s = subvectorOf(i, u, l);
        expect(x[s * l.d + (i % l.d)]).toBe(w[i * cols + u]);
      }
    }
    expect(fromSubvectors(x, l)).toEqual(w);
  });

  it('rejects bad sizes with a message', () => {
    expect(() => makeDemoKernel(0, 3, 1)).toThrow(/positive integers/);
    expect(() => demoLayout(4, 3, 0)).toThrow(/d must be a positive integer/);
  });
});
