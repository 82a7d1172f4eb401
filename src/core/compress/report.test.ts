import { describe, expect, it } from 'vitest';
import { agreement } from './pipeline';
import { testDropSePp } from './report';

describe('testDropSePp', () => {
  it('is sqrt(disagreement fraction / samples), in pp', () => {
    // 40 disagreements in 1,000 samples: sqrt(0.04 / 1000) = 0.632 pp
    expect(testDropSePp({ testSamples: 1000, testDisagreement: 0.04 })).toBeCloseTo(0.6325, 4);
    // five times the samples at the same rate: sqrt(5) times smaller
    expect(testDropSePp({ testSamples: 5000, testDisagreement: 0.04 })! * Math.sqrt(5)).toBeCloseTo(0.6325, 4);
    expect(testDropSePp({ testSamples: 100, testDisagreement: 0 })).toBe(0);
  });

  it('is null for results that did not record it', () => {
    expect(testDropSePp({})).toBeNull();
    expect(testDropSePp({ testSamples: 0, testDisagreement: 0 })).toBeNull();
  });
});

describe('agreement', () => {
  it('is the fraction of equal positions, 0 when empty', () => {
    expect(agreement([1, 2, 3, 4], [1, 0, 3, 0])).toBe(0.5);
    expect(agreement(Int32Array.of(7, 7), Uint8Array.of(7, 7))).toBe(1);
    expect(agreement([], [])).toBe(0);
  });
});
