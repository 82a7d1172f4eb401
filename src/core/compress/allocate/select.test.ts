import { describe, expect, it } from 'vitest';
import type { Allocation } from './knapsack';
import { MAX_BISECT, TARGET_LADDER, searchPath } from './select';

/** A path of n allocations whose predicted loss falls from 0.05 geometrically. */
const path = (n: number): Allocation[] => Array.from({ length: n }, (_, i) => ({ choice: [i], bytes: 1000 + 100 * i, loss: 0.05 * 0.9 ** i }));

describe('the search on a Lagrangian path', () => {
  it('starts at the ladder\'s first target and stops at the first candidate that passes', () => {
    const p = path(60);
    const seen: number[] = [];
    const i = searchPath(p, undefined, (j) => { seen.push(j); return true; });
    expect(p[i].loss).toBeLessThanOrEqual(TARGET_LADDER[0]);
    expect(i === 0 || p[i - 1].loss > TARGET_LADDER[0]).toBe(true);
    expect(seen).toEqual([i]);
  });

  it('goes tighter after a failure, then bisects back to the cheapest passing candidate it can find', () => {
    const p = path(60);
    for (const threshold of [12, 20, 31, 45]) {
      const seen: number[] = [];
      const i = searchPath(p, undefined, (j) => { seen.push(j); return j >= threshold; });
      expect(i).toBeGreaterThanOrEqual(threshold);
      // every candidate below the chosen one that was tried failed, and the bisection left no gap it could close
      expect(seen.filter((j) => j < i).every((j) => j < threshold)).toBe(true);
      const tried = seen.filter((j) => j < i);
      if (tried.length) expect(i - Math.max(...tried) === 1 || seen.length >= MAX_BISECT).toBe(true);
      else expect(seen).toEqual([i]); // the start passed and no suggestion: never looser than the start
    }
  });

  it('uses a tighter suggestion after a failure, never a looser one', () => {
    const p = path(80);
    const seen: number[] = [];
    searchPath(p, undefined, (j) => { seen.push(j); return j >= 50; }, () => p[30].loss);
    expect(seen[1]).toBe(30); // the suggestion, not the ladder's next step
    const looser: number[] = [];
    searchPath(p, undefined, (j) => { looser.push(j); return j >= 50; }, () => 1);
    expect(p[looser[1]].loss).toBeLessThanOrEqual(TARGET_LADDER[1]);
  });

  it('when the start passes, probes looser where the suggestion says, then bisects back', () => {
    const p = path(80);
    const seen: number[] = [];
    const i = searchPath(p, undefined, (j) => { seen.push(j); return j >= 3; }, (j) => p[Math.max(0, j - 10)].loss);
    expect(seen[0]).toBeGreaterThan(3);
    expect(seen[1]).toBeLessThan(seen[0]);
    expect(i).toBeGreaterThanOrEqual(3);
    expect(i).toBeLessThan(seen[0]);
  });

  it('returns the last allocation when none passes', () => {
    const p = path(30);
    expect(searchPath(p, undefined, () => false)).toBe(29);
  });
});
