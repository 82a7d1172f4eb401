import { describe, expect, it } from 'vitest';
import { TERMS, frameNumber } from './explain';
import { createLearnDemo, firstFrame, nextFrame } from '../../core';

describe('Learn explanations', () => {
  it('explains k-means++, inertia, SQNR and PCA in one line each', () => {
    expect(TERMS.map((t) => t.term)).toEqual(['k-means++', 'Inertia', 'SQNR', 'PCA']);
    for (const t of TERMS) {
      expect(t.line).not.toContain('\n');
      expect(t.line.length).toBeLessThan(180);
    }
  });

  it('numbers frames from 1, the same for the caption and the inertia chart', () => {
    const demo = createLearnDemo({ rows: 8, cols: 4, d: 2, k: 4, seed: 1 });
    const f0 = firstFrame();
    expect(frameNumber(f0)).toBe(1);
    expect(frameNumber(nextFrame(demo, f0)!)).toBe(2);
  });
});
