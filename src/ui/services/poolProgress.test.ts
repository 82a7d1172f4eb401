import { describe, expect, it } from 'vitest';
import type { Progress } from '../../core/util/progress';
import { poolProgress } from './poolProgress';
import { phaseLabel } from '../lib/phases';

describe('poolProgress', () => {
  it('gives the mean of the parts and how many are done, whatever order they report in', () => {
    const seen: Progress[] = [];
    const prog = poolProgress(4, 'sweep', (p) => seen.push(p), 'points done');
    prog(2, 'd 4, K 64')({ fraction: 0.5, phase: 'kmeans' });
    prog(0, 'd 2, K 64')({ fraction: 1, phase: 'done' });
    prog(2, 'd 4, K 64')({ fraction: 1, phase: 'done' });
    prog(1, 'd 2, K 256')({ fraction: 0.25, phase: 'recovery' });
    expect(seen.map((p) => p.fraction)).toEqual([0.125, 0.375, 0.5, 0.5625]);
    expect(seen.map((p) => p.phase)).toEqual(['sweep', 'sweep', 'sweep', 'sweep']);
    expect(seen[0].message).toBe('0 of 4 points done · d 4, K 64: Learning codebooks (k-means)');
    expect(seen[3].message).toBe('2 of 4 points done · d 2, K 256: Recovery (fine-tuning)');
  });

  it('names the pipeline\'s phases in words and leaves unknown ones as they are', () => {
    expect(phaseLabel('sensitivity')).toBe('Measuring each layer\'s sensitivity');
    expect(phaseLabel('views')).toBe('views');
  });
});
