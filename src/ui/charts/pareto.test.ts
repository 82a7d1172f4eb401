import { describe, expect, it } from 'vitest';
import { accuracyDomain, paretoFront, pointLabel } from './pareto';

describe('Pareto front', () => {
  it('keeps the points that are not dominated, ordered by size', () => {
    const pts = [
      { bytes: 100, accuracy: 0.9 },  // 0 front
      { bytes: 50, accuracy: 0.8 },   // 1 front
      { bytes: 120, accuracy: 0.85 }, // 2 dominated by 0
      { bytes: 200, accuracy: 0.95 }, // 3 front
      { bytes: 50, accuracy: 0.7 },   // 4 dominated by 1
    ];
    expect(paretoFront(pts)).toEqual([1, 0, 3]);
    expect(paretoFront([])).toEqual([]);
  });
});

describe('sweep chart axis', () => {
  it('fits the points, stays within 0..100 % and never runs to 120 %', () => {
    expect(accuracyDomain([0.97, 0.99, 0.995])).toEqual([96, 100]);
    expect(accuracyDomain([0.5, 0.92])).toEqual([45, 100]);
    const [a, b] = accuracyDomain([1, 1]);
    expect(b).toBeLessThanOrEqual(100);
    expect(a).toBeLessThan(b);
    expect(accuracyDomain([0.003])[0]).toBe(0);
    expect(pointLabel({ d: 4, k: 64 })).toBe('d 4, K 64');
  });
});
