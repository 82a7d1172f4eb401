import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { loadCompressInputs } from '../../node/compressInputs';
import { decodeModel, lowerResult } from '../compress/decode';
import { compress } from '../compress/pipeline';
import { presetPlan } from '../compress/presets';
import type { CompressInput } from '../compress/state';
import type { CompressionResult } from '../compress/types';
import { TASK_NAMES } from '../data/types';
import { compareFakeQuant, storedFakeQuantModel } from './testing/agreement';

/**
 * The built-in models with int8 activations (a short pq-shared pipeline run with fine codebooks: int8
 * codebooks, small layers int8), on the 32 test samples a bundle stores of each: the fake-quant tfjs model, whose predictions the
 * pipeline reports, and the reference int8 execution of the result's lowering agree in class; the fraction
 * of int8 output values that differ is printed (TFLM's double rounding and float32 sums move a value by one
 * step now and then). The whole test splits: `npm run bench -- --only int8`.
 */
const SAMPLES = 32;
let inputs: CompressInput[];
let result: CompressionResult;

beforeAll(async () => {
  await setupNodeTfjs();
  inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task })));
  // fine codebooks (d 2, K 256: 4 bits per weight) keep the models near their float accuracy without recovery
  const plan = { ...presetPlan('pq-shared'), normalization: 'channel' as const, keep: { minParams: 256, format: 'int8' as const } };
  plan.groups = { ...plan.groups, spatial: { d: 2, k: 256 }, pointwise: { d: 2, k: 256 } };
  plan.kmeans.maxIter = 4;
  plan.kmeansMaxSamples = 8192;
  result = await compress(inputs, plan);
}, 300_000);

describe('built-in models, int8 activations: fake-quant tfjs vs the reference int8 execution', () => {
  for (const task of TASK_NAMES) {
    it(`${task}: the same class on the stored test samples`, () => {
      const inp = inputs.find((x) => x.ir.name === task)!;
      const m = result.models.find((x) => x.name === task)!;
      const lowered = lowerResult(result, task);
      const { model, probe } = storedFakeQuantModel(decodeModel(result, task), m.encodings, result.codebooks, lowered);
      const r = compareFakeQuant(probe, lowered, inp.test.x, SAMPLES, inp.ir.inputShape);
      model.dispose();
      const floatSame = m.testDisagreement === undefined ? '' : `; on the whole test split the int8 model agrees with the float model on ${((1 - m.testDisagreement) * 100).toFixed(2)} %`;
      console.log(`${task}: ${SAMPLES - r.classDiffer}/${SAMPLES} classes equal, ${r.valueDiffer}/${r.values} int8 outputs differ (by at most ${r.maxDiff})${floatSame}`);
      expect(r.classDiffer).toBe(0);
      expect(r.maxDiff).toBeLessThanOrEqual(1);
      expect(r.valueDiffer / r.values).toBeLessThan(0.05);
      expect(new Set(r.refClasses).size).toBeGreaterThan(1);
    }, 120_000);
  }
});
