import { describe, expect, it } from 'vitest';
import { areaResize } from './resize';

describe('areaResize', () => {
  it('averages whole blocks when the sizes divide', () => {
    const src = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]; // 4x4
    expect(Array.from(areaResize(src, 4, 4, 2, 2))).toEqual([(1 + 2 + 5 + 6) / 4, (3 + 4 + 7 + 8) / 4, (9 + 10 + 13 + 14) / 4, (11 + 12 + 15 + 16) / 4]);
  });
  it('keeps a constant image constant and the mean of any image (28 -> 8, fractional cells)', () => {
    expect(Array.from(areaResize(new Array(784).fill(7), 28, 28, 8, 8)).every((v) => Math.abs(v - 7) < 1e-12)).toBe(true);
    const img = Array.from({ length: 784 }, (_, i) => (i * 37) % 255);
    const out = areaResize(img, 28, 28, 8, 8);
    const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
    expect(mean(out)).toBeCloseTo(mean(img), 9);
  });
  it('weights a pixel split between two cells by its overlap', () => {
    // 1x3 -> 1x2: cell 0 covers pixel 0 and half of pixel 1
    expect(Array.from(areaResize([0, 3, 6], 1, 3, 1, 2))).toEqual([(0 + 1.5) / 1.5, (1.5 + 6) / 1.5]);
  });
  it('rejects a wrong length or growing', () => {
    expect(() => areaResize([1, 2, 3], 2, 2, 1, 1)).toThrow(/2x2/);
    expect(() => areaResize([1, 2, 3, 4], 2, 2, 4, 4)).toThrow(/shrink/);
  });
});
