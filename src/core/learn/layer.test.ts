import { describe, expect, it } from 'vitest';
import { cutKernel, demoLayout, makeDemoKernel, subvectorOf, uncutKernel } from './layer';

describe('demo layer', () => {
  it('is determined by the seed', () => {
    expect(makeDemoKernel(8, 4, 3)).toEqual(makeDemoKernel(8, 4, 3));
    expect(makeDemoKernel(8, 4, 3)).not.toEqual(makeDemoKernel(8, 4, 4));
    const w = makeDemoKernel(64, 32, 1);
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.05); // He-like scale for 64 inputs: ~0.18
    expect(std).toBeLessThan(0.4);
  });

  it('cuts each unit column into chunks of d, pads the last and uncuts exactly', () => {
    const rows = 5, cols = 3, d = 2;
    const w = Float32Array.from({ length: rows * cols }, (_, i) => i + 1);
    const l = demoLayout(rows, cols, d);
    expect(l).toEqual({ rows, cols, d, chunksPerUnit: 3, padding: 1, count: 9 });
    const x = cutKernel(w, l);
    // unit 0 = column 0: w[0,0], w[1,0] | w[2,0], w[3,0] | w[4,0], pad
    expect(Array.from(x.subarray(0, 6))).toEqual([1, 4, 7, 10, 13, 0]);
    expect(subvectorOf(4, 0, l)).toBe(2);
    expect(subvectorOf(0, 1, l)).toBe(3);
    expect(uncutKernel(x, l)).toEqual(w);
    for (const [r, c, dd] of [[7, 4, 3], [16, 2, 16], [4, 3, 5]]) {
      const k = makeDemoKernel(r, c, 9);
      const lay = demoLayout(r, c, dd);
      expect(uncutKernel(cutKernel(k, lay), lay)).toEqual(k);
    }
  });

  it('rejects bad sizes with a message', () => {
    expect(() => makeDemoKernel(0, 3, 1)).toThrow(/positive integers/);
    expect(() => demoLayout(4, 3, 0)).toThrow(/Subvector size/);
  });
});
