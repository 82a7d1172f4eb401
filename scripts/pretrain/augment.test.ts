import { describe, expect, it } from 'vitest';
import { flipAndShift, randomShift, specAugment } from './augment';
import { createRng } from '../../src/core/util/random';

describe('pretraining augmentations', () => {
  it('randomShift moves a single bright pixel by at most max, zero-filled', () => {
    const x = new Float32Array(2 * 25);
    x[12] = 1; x[25 + 12] = 1; // centre of two 5x5 images
    randomShift(5, 5, 1)(x, 2, createRng(3));
    for (let s = 0; s < 2; s++) {
      const img = Array.from(x.subarray(s * 25, s * 25 + 25));
      expect(img.reduce((a, b) => a + b, 0)).toBe(1);
      const p = img.indexOf(1);
      expect(Math.abs(Math.floor(p / 5) - 2)).toBeLessThanOrEqual(1);
      expect(Math.abs((p % 5) - 2)).toBeLessThanOrEqual(1);
    }
  });

  it('flipAndShift keeps the pixel values (a permutation plus zero fill) and is seeded', () => {
    const make = () => Float32Array.from({ length: 4 * 36 }, (_, i) => (i % 36 === 14 ? 1 : 0));
    const a = make();
    const b = make();
    flipAndShift(6, 6, 0)(a, 4, createRng(5));
    flipAndShift(6, 6, 0)(b, 4, createRng(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let s = 0; s < 4; s++) {
      const p = Array.from(a.subarray(s * 36, s * 36 + 36)).indexOf(1);
      expect([14, 15]).toContain(p); // row 2, col 2 or its mirror col 3
    }
  });

  it('specAugment fills shifted-in frames and masks with the sample minimum', () => {
    const x = Float32Array.from({ length: 10 * 8 }, (_, i) => 1 + (i % 8));
    x[0] = -5;
    specAugment(10, 8, 2, 3, 2)(x, 1, createRng(9));
    const vals = new Set(Array.from(x));
    for (const v of vals) expect(v === -5 || (v >= 1 && v <= 8)).toBe(true);
  });
});
