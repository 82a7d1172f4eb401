import { describe, expect, it } from 'vitest';
import { accuracyAxis, accuracyPct } from './accuracyBars';

describe('accuracy bars', () => {
  it('start their axis 10 % under the lowest accuracy, rounded down to 10, and never run past 100 %', () => {
    const axis = accuracyAxis([{ before: 0.9874, after: 0.981 }, { before: 0.8997, after: 0.8932 }]);
    expect(axis.lo).toBe(70);
    expect(accuracyPct(0.85, axis)).toBeCloseTo(50, 6);
    expect(accuracyPct(1, axis)).toBe(100);
    expect(accuracyPct(0.5, axis)).toBe(0);
    expect(accuracyAxis([{ before: 0.05, after: 0.02 }]).lo).toBe(0);
  });
});
