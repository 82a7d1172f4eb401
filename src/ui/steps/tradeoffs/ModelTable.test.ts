import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ModelTable } from './ModelTable';
import type { CodebookResult } from '../../services/types';

const result = (warnings: CodebookResult['warnings']): CodebookResult => ({
  plan: {} as CodebookResult['plan'], codebooks: [], timingsMs: { calibrate: 0, codebooks: 0, table: 0, select: 0, total: 0 },
  totals: { float32Bytes: 4000, compressedBytes: 400, ratio: 10, codebookBytes: 0, headerBytes: 0 },
  models: [{
    name: 'mine', ir: { name: 'mine', inputShape: [1], output: 'x', layers: [] }, encodings: {}, accuracyFloat: 0.9, accuracyCompressed: 0.89, valAccuracyFloat: 0.9, valAccuracyCompressed: 0.9,
    testSamples: 90, testDisagreement: 0.02, float32Bytes: 4000, compressedBytes: 400, layers: [], recovery: [],
  }],
  ...(warnings ? { warnings } : {}),
});

describe('ModelTable', () => {
  it('shows the small-split warnings of the run under the figures', () => {
    const html = renderToStaticMarkup(createElement(ModelTable, {
      result: result([{ model: 'mine', split: 'test', samples: 90, message: "model 'mine': its test split has 90 samples (under 1000)" }]),
    }));
    expect(html).toContain('data-testid="split-warning"');
    expect(html).toContain('its test split has 90 samples');
  });

  it('shows none for a run without them (or made before they were recorded)', () => {
    expect(renderToStaticMarkup(createElement(ModelTable, { result: result([]) }))).not.toContain('split-warning');
    expect(renderToStaticMarkup(createElement(ModelTable, { result: result(undefined) }))).not.toContain('split-warning');
  });
});
