import { describe, expect, it } from 'vitest';
import { unusedFashionRows } from './clothes8';
import { IMAGE_TASKS, splitIndices } from '../images.mjs';

describe('clothes8 takes only the images the fashion task leaves out', () => {
  it('unused rows are the complement of the fashion split, class by class', () => {
    const counts = new Array(10).fill(7000);
    counts[3] = 6999; // the package has two empty entries; classes need not be equal
    const unused = unusedFashionRows(counts);
    const f = IMAGE_TASKS.fashion;
    const used = splitIndices(counts, f.split, f.seed);
    const per = f.split.train + f.split.val + f.split.test;
    unused.forEach((rows, c) => {
      expect(rows.length).toBe(counts[c] - per);
      const taken = new Set([...used.train, ...used.val, ...used.test].filter(([k]) => k === c).map(([, r]) => r));
      expect(rows.some((r) => taken.has(r))).toBe(false);
    });
  });
});
