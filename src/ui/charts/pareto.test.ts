import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto';

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
