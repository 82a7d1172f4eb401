import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../../tfjs/backend';
import { decodeModel } from '../../compress/decode';
import { compress } from '../../compress/pipeline';
import { presetPlan } from '../../compress/presets';
import type { CompressionResult } from '../../compress/types';
import type { CompressInput } from '../../compress/state';
import { fromLayersModel } from '../../models/fromLayersModel';
import { foldBatchNorm } from '../../models/foldBatchNorm';
import { toLayersModel } from '../../models/toLayersModel';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooResult } from '../../bundle/testing/zoo';
import { TASK_NAMES } from '../../data/types';
import type { TaskName } from '../../data/types';
import { fileLoader, loadTaskNode } from '../../../node/data';
import { loadCompressInputs } from '../../../node/compressInputs';
import { findModelsDir } from '../../../node/files';
import { activityConv1d, digitsCnn, fashionDsCnn, keywordsDsCnn } from '../../../../scripts/pretrain/architectures';
import { argmax, createRuntime } from './executor';

/**
 * The runtime against the decoded tfjs model on the WHOLE test split of every built-in task.
 * - When the pretrained models exist (public/models/manifest.json): the bundle comes from the real
 *   pipeline (`compress`, PQ with shared codebooks; k-means shortened to keep the test fast).
 * - Until then: the four built-in architectures with their seeded initial (untrained) weights, encoded
 *   by the test fixture (PQ with and without normalization, int8 and float32 layers in turn), with the
 *   final softmax removed (untrained class scores are nearly equal; logits spread them). Untrained
 *   models still have near-ties, so there the class check covers the samples whose top-two scores
 *   differ by more than 1e-5 of the largest (ties are counted and reported); with trained models every
 *   sample must agree.
 */

const TRAINED = await fileLoader(findModelsDir())('manifest.json').then(() => true, () => false);

async function untrained(): Promise<{ result: CompressionResult; inputs: CompressInput[] }> {
  const inputs: CompressInput[] = [];
  for (const task of TASK_NAMES) {
    const d = await loadTaskNode(task as TaskName);
    const build = { digits: () => digitsCnn(101), fashion: () => fashionDsCnn(202), keywords: () => keywordsDsCnn(303, d.inputShape, d.classNames.length),
      activity: () => activityConv1d(404, d.inputShape, d.classNames.length) }[task as TaskName];
    const m = build();
    const ir = foldBatchNorm(fromLayersModel(m, task));
    const last = ir.layers.find((l) => l.name === ir.output);
    if (last && 'activation' in last && last.activation === 'softmax') last.activation = 'linear';
    inputs.push({ ir, train: null, val: d.val, test: d.test });
    m.dispose();
  }
  // Normalized PQ only: un-normalized layers against these sampled codebooks come out at the wrong scale.
  return { result: zooResult(inputs.map((x) => x.ir), 7, [['pq', 'channel'], ['int8', 'none'], ['pq', 'layer'], ['float32', 'none']]), inputs };
}

async function trained(): Promise<{ result: CompressionResult; inputs: CompressInput[] }> {
  const inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task: task as TaskName })));
  // the float runtime (int8 bundles are the next round's): float activations, float16 codebooks
  const plan = { ...presetPlan('pq-shared'), activations: 'float32' as const };
  plan.kmeans.maxIter = 8;
  plan.kmeansMaxSamples = 16384;
  return { result: await compress(inputs, plan), inputs };
}

/** Outputs of the decoded model in tfjs, in batches. */
function tfjsOutputs(result: CompressionResult, name: string, x: Float32Array, n: number): Float32Array {
  const ir = decodeModel(result, name);
  const model = toLayersModel(ir);
  const row = x.length / n;
  const chunks: Float32Array[] = [];
  for (let s = 0; s < n; s += 256) {
    const e = Math.min(n, s + 256);
    chunks.push(tf.tidy(() => (model.predict(tf.tensor(x.subarray(s * row, e * row), [e - s, ...ir.inputShape])) as tf.Tensor).dataSync() as Float32Array).slice());
  }
  model.dispose();
  const out = new Float32Array(chunks.reduce((a, c) => a + c.length, 0));
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

describe(`built-in tasks, whole test split: runtime vs decoded tfjs model (${TRAINED ? 'pretrained models, pipeline bundle' : 'built-in architectures with untrained weights: public/models does not exist yet'})`, () => {
  let result: CompressionResult;
  let inputs: CompressInput[];
  let bundleBytes: Uint8Array;
  beforeAll(async () => {
    await setupWasmBackend();
    ({ result, inputs } = TRAINED ? await trained() : await untrained());
    bundleBytes = writeBundle(result);
  }, 300_000);

  for (const task of TASK_NAMES) {
    it(`${task}: every predicted class equal, outputs within 1e-4 relative`, () => {
      const bundle = readBundle(bundleBytes);
      const input = inputs.find((i) => i.ir.name === task);
      if (!input) throw new Error(`no model ${task}`);
      const { x, n } = input.test;
      const rt = createRuntime(bundle, task);
      const t0 = performance.now();
      const { outputs, classes } = rt.runBatch(x, n);
      const ms = performance.now() - t0;
      const ref = tfjsOutputs(result, task, x, n);
      const c = rt.program.outputSize;
      let worst = 0, same = 0, ties = 0;
      for (let i = 0; i < n; i++) {
        let scale = 0;
        for (let j = 0; j < c; j++) scale = Math.max(scale, Math.abs(ref[i * c + j]));
        for (let j = 0; j < c; j++) worst = Math.max(worst, Math.abs(outputs[i * c + j] - ref[i * c + j]) / Math.max(scale, 1e-30));
        const best = argmax(ref, i * c, c);
        let second = -Infinity;
        for (let j = 0; j < c; j++) if (j !== best) second = Math.max(second, ref[i * c + j]);
        const tie = !TRAINED && ref[i * c + best] - second <= 1e-5 * scale;
        if (classes[i] === best) same++;
        else if (tie) ties++;
      }
      const macs = rt.counts().layers.reduce((s, l) => s + l.macs, 0);
      console.log(`${task}: ${same}/${n} classes equal${ties ? ` (${ties} others are near-ties of the untrained model)` : ''}, worst relative output difference ${worst.toExponential(2)}; `
        + `runtime ${(ms / n).toFixed(2)} ms/sample (${macs} MACs, ${(macs * n / ms / 1e3).toFixed(0)} MMAC/s, shared machine)`);
      expect(same + ties).toBe(n);
      expect(ties).toBeLessThan(n * 0.01);
      expect(worst).toBeLessThan(1e-4);
      // Not a degenerate model: the outputs depend on the input (and a trained one predicts several classes).
      let varies = 0;
      for (let i = c; i < n * c; i++) if (Math.abs(outputs[i] - outputs[i % c]) > 1e-3 * Math.max(1e-30, Math.abs(outputs[i % c]))) varies++;
      expect(varies).toBeGreaterThan(n / 2);
      if (TRAINED) expect(new Set(classes).size).toBeGreaterThan(1);
    }, 120_000);
  }
});
