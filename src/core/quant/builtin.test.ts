import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../node/tfjs';
import { loadCompressInputs } from '../../node/compressInputs';
import { learnPlanCodebooks } from '../compress/pipeline';
import { presetPlan } from '../compress/presets';
import { routeLayers } from '../compress/routing';
import { encodeAs } from '../compress/state';
import type { CompressInput } from '../compress/state';
import type { CodebookGroup } from '../compress/types';
import { TASK_NAMES } from '../data/types';
import { isWeightLayer } from '../models/ir';
import { toLayersModel } from '../models/toLayersModel';
import { calibrate } from './calibrate';
import type { LayerEncoding } from './encoding';
import { lowerModel } from './lower';
import { executeLowered } from './execute';
import { quantizeValue } from './affine';
import { createInt8Executor } from '../mcu/runtime/int8/runtime';
import { compareFakeQuant, storedFakeQuantModel } from './testing/agreement';

/**
 * The built-in models with int8 activations, stored as a short pq-shared plan stores them (fine int8
 * codebooks learned over all four, channel normalisation, small layers int8; no recovery), calibrated on
 * their training data, on the 32 test samples a bundle stores of each: the fake-quant tfjs model, whose
 * predictions the pipeline reports, and the reference int8 execution of their lowering agree in class; the
 * fraction of int8 logits that differ (by one step, where float32 sums land within a hair of a rounding
 * boundary) is printed, with the
 * agreement of both with the float model. The whole test splits of a YONO run: `npm run bench -- --only int8`.
 */
const SAMPLES = 32;
let inputs: CompressInput[];
let codebooks: CodebookGroup[];
const encodings = new Map<string, Record<string, LayerEncoding>>();

beforeAll(async () => {
  await setupNodeTfjs();
  inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task })));
  // fine codebooks (d 2, K 256: 4 bits per weight) keep the models near their float accuracy without recovery
  const plan = { ...presetPlan('pq-shared'), normalization: 'channel' as const, keep: { minParams: 256, format: 'int8' as const } };
  plan.groups = { ...plan.groups, spatial: { d: 2, k: 256 }, pointwise: { d: 2, k: 256 } };
  plan.kmeans.maxIter = 4;
  plan.kmeansMaxSamples = 8192;
  const models = inputs.map((x) => x.ir);
  codebooks = await learnPlanCodebooks(models, plan);
  const routes = routeLayers(plan, models);
  for (const ir of models) {
    const e: Record<string, LayerEncoding> = {};
    for (const l of ir.layers) {
      if (!isWeightLayer(l)) continue;
      const r = routes.find((x) => x.model === ir.name && x.layer === l.name)!;
      e[l.name] = encodeAs(r.format, l, l.kernel.data, r.group, codebooks, plan.normalization).enc;
    }
    encodings.set(ir.name, e);
  }
}, 300_000);

describe('built-in models, int8 activations: fake-quant tfjs vs the reference int8 execution', () => {
  for (const task of TASK_NAMES) {
    it(`${task}: the same class on the stored test samples`, () => {
      const inp = inputs.find((x) => x.ir.name === task)!;
      const enc = encodings.get(task)!;
      const cal = calibrate(inp.ir, inp.train!, { samples: 1000, percentile: 99.999 });
      const lowered = lowerModel({ ir: inp.ir, encodings: enc, codebooks, params: cal.params });
      const { model, probe } = storedFakeQuantModel(inp.ir, enc, codebooks, lowered);
      const r = compareFakeQuant(probe, lowered, inp.test.x, SAMPLES, inp.ir.inputShape);
      // the virtual MCU's int8 runtime gives the reference execution's bytes, so it has the fake-quant model's classes too
      const rt = createInt8Executor(lowered);
      const rowN = rt.inputSize;
      for (let i = 0; i < SAMPLES; i++) {
        const q = Int8Array.from(inp.test.x.subarray(i * rowN, (i + 1) * rowN), (v) => quantizeValue(v, rt.inputQ));
        expect(rt.runS8(q)).toEqual(executeLowered(lowered, q).get(lowered.output));
      }
      model.dispose();
      const float = toLayersModel(inp.ir);
      const row = inp.ir.inputShape.reduce((a, b) => a * b, 1);
      const fc = tf.tidy(() => (float.predict(tf.tensor(inp.test.x.subarray(0, SAMPLES * row), [SAMPLES, ...inp.ir.inputShape])) as tf.Tensor).argMax(-1).dataSync());
      float.dispose();
      const sameFloat = r.refClasses.reduce((a, c, i) => a + (c === fc[i] ? 1 : 0), 0);
      console.log(`${task}: ${SAMPLES - r.classDiffer}/${SAMPLES} classes equal, ${r.valueDiffer}/${r.values} int8 logits differ (by at most ${r.maxDiff}); `
        + `the int8 model has the float model's class on ${sameFloat}/${SAMPLES}`);
      expect(r.classDiffer).toBe(0);
      expect(r.maxDiff).toBeLessThanOrEqual(1);
      expect(r.valueDiffer / r.values).toBeLessThan(0.01);
      expect(new Set(r.refClasses).size).toBeGreaterThan(1);
      expect(sameFloat).toBeGreaterThan(SAMPLES * 0.8);
    }, 120_000);
  }
});
