import { codebookBytes } from './accounting';
import type { CompressionReport, CompressionResult } from './types';

/**
 * The JSON report of a run (keys fixed by issue 4: accuracies in [0, 1], bytes as integers). Holds no
 * typed arrays; `JSON.stringify` it as is. Everything but `timingsMs` is a function of the inputs, the
 * plan and its seed.
 */
export function toReport(result: CompressionResult): CompressionReport {
  return {
    preset: result.plan.preset,
    plan: result.plan,
    totals: { ...result.totals, ratio: Math.round(result.totals.ratio * 1000) / 1000 },
    codebooks: result.codebooks.map((c) => ({ name: c.name, d: c.d, k: c.k, bytes: codebookBytes(c.k, c.d, result.plan.activations), layers: c.layers.slice() })),
    models: result.models.map((m) => ({
      name: m.name,
      float32Bytes: m.float32Bytes,
      compressedBytes: m.compressedBytes,
      ...(m.storedBytes === undefined ? {} : { storedBytes: m.storedBytes }),
      accuracyFloat: m.accuracyFloat,
      accuracyCompressed: m.accuracyCompressed,
      valAccuracyFloat: m.valAccuracyFloat,
      valAccuracyCompressed: m.valAccuracyCompressed,
      ...(m.testDisagreement === undefined ? {} : { testSamples: m.testSamples, testDisagreement: m.testDisagreement }),
      layers: m.layers.map((l) => ({ ...l })),
      recovery: m.recovery.map((s) => ({ ...s })),
    })),
    timingsMs: { ...result.timingsMs },
  };
}

/**
 * Standard error, in percentage points, of a model's measured test drop (float minus compressed accuracy):
 * the drop is the difference of two paired predictions, so its error comes only from the samples on which
 * they disagree, sqrt(q / n) for a disagreement fraction q over n samples. Null when not recorded.
 */
export function testDropSePp(m: { testSamples?: number; testDisagreement?: number }): number | null {
  if (m.testSamples === undefined || m.testDisagreement === undefined || m.testSamples <= 0) return null;
  return 100 * Math.sqrt(m.testDisagreement / m.testSamples);
}

/** A model's test drop in pp with its standard error when recorded, e.g. "0.60 ± 0.25" (else "0.60"). */
export function formatTestDrop(m: { accuracyFloat: number; accuracyCompressed: number; testSamples?: number; testDisagreement?: number }): string {
  const se = testDropSePp(m);
  return `${((m.accuracyFloat - m.accuracyCompressed) * 100).toFixed(2)}${se === null ? '' : ` ± ${se.toFixed(2)}`}`;
}
