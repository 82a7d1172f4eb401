import { describe, expect, it } from 'vitest';
import { dropText } from './ModelTable';

describe('ModelTable dropText', () => {
  it('shows the test drop with its standard error when the run recorded it', () => {
    // 36 disagreements in 2,000 samples: sqrt(0.018 / 2000) = 0.30 pp
    expect(dropText({ accuracyFloat: 0.903, accuracyCompressed: 0.894, testSamples: 2000, testDisagreement: 0.018 })).toBe('0.90 ± 0.30');
  });
  it('shows the drop alone for results saved before it was recorded', () => {
    expect(dropText({ accuracyFloat: 0.9, accuracyCompressed: 0.91 })).toBe('-1.00');
  });
});
