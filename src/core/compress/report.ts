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
    codebooks: result.codebooks.map((c) => ({ name: c.name, d: c.d, k: c.k, bytes: codebookBytes(c.k, c.d), layers: c.layers.slice() })),
    models: result.models.map((m) => ({
      name: m.name,
      float32Bytes: m.float32Bytes,
      compressedBytes: m.compressedBytes,
      accuracyFloat: m.accuracyFloat,
      accuracyCompressed: m.accuracyCompressed,
      valAccuracyFloat: m.valAccuracyFloat,
      valAccuracyCompressed: m.valAccuracyCompressed,
      layers: m.layers.map((l) => ({ ...l })),
      recovery: m.recovery.map((s) => ({ ...s })),
    })),
    timingsMs: { ...result.timingsMs },
  };
}
