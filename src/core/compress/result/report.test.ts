import { describe, expect, it } from 'vitest';
import { agreement } from '../evaluate/session';
import { formatTestDrop, testDropSePp } from './report';

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

describe('formatTestDrop', () => {
  it('shows the test drop with its standard error when the run recorded it', () => {
    // 36 disagreements in 2,000 samples: sqrt(0.018 / 2000) = 0.30 pp
    expect(formatTestDrop({ accuracyFloat: 0.903, accuracyCompressed: 0.894, testSamples: 2000, testDisagreement: 0.018 })).toBe('0.90 ± 0.30');
  });
  it('shows the drop alone for results saved before it was recorded', () => {
    expect(formatTestDrop({ accuracyFloat: 0.9, accuracyCompressed: 0.91 })).toBe('-1.00');
  });
});
