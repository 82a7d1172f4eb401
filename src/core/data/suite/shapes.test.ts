import { describe, expect, it } from 'vitest';
import { SHAPE_CLASSES, SHAPES_SIDE, shapeImage } from './shapes';
import { createRng } from '../../util/random';

describe('shapeImage', () => {
  it('is deterministic for a seed and an RGB image of the side', () => {
    const a = shapeImage(2, createRng(9));
    expect(a.length).toBe(SHAPES_SIDE * SHAPES_SIDE * 3);
    expect(shapeImage(2, createRng(9))).toEqual(a);
  });
  it('draws the shape in a colour apart from the background: the image is not flat', () => {
    const rng = createRng(1);
    for (let c = 0; c < SHAPE_CLASSES.length; c++) {
      const img = shapeImage(c, rng);
      let lo = 255;
      let hi = 0;
      for (const v of img) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      expect(hi - lo).toBeGreaterThan(60);
    }
  });
  it('with the same draws, classes differ only where their shapes do (colours, place and noise are shared)', () => {
    const circle = shapeImage(0, createRng(21));
    const ring = shapeImage(1, createRng(21));
    let differ = 0;
    for (let i = 0; i < circle.length; i++) if (circle[i] !== ring[i]) differ++;
    expect(differ).toBeGreaterThan(10 * 3); // the ring's hole, at least a few pixels
    expect(differ).toBeLessThan(circle.length / 2); // not the background
  });
  it('rejects an unknown class', () => {
    expect(() => shapeImage(-1, createRng(1))).toThrow(/not in 0..5/);
  });
});
