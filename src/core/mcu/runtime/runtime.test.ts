import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../../tfjs/backend';
import { decodeModel } from '../../compress/decode';
import { toLayersModel } from '../../models/toLayersModel';
import { sizeOf } from '../../models/shapes';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooModels, zooResult, zooSamples } from '../../bundle/testing/zoo';
import { argmax, createRuntime } from './executor';

const N = 64;

/** Outputs of the decoded tfjs model for n samples. */
function tfjsOutputs(ir: ReturnType<typeof decodeModel>, x: Float32Array, n: number): Float32Array {
  const model = toLayersModel(ir);
  const out = tf.tidy(() => (model.predict(tf.tensor(x, [n, ...ir.inputShape])) as tf.Tensor).dataSync() as Float32Array);
  model.dispose();
  return out.slice();
}

describe('runtime vs the decoded tfjs model (tiny models of every layer kind)', () => {
  beforeAll(async () => { await setupWasmBackend(); });
  const result = zooResult(zooModels());
  const bundle = readBundle(writeBundle(result));

  for (const name of ['img', 'seq', 'vec']) {
    it(`${name}: same classes on every sample, outputs within 1e-4 relative`, () => {
      const ir = decodeModel(result, name);
      const { x } = zooSamples(ir, N, 11);
      const ref = tfjsOutputs(ir, x, N);
      const rt = createRuntime(bundle, name);
      const { outputs, classes } = rt.runBatch(x, N);
      const c = rt.program.outputSize;
      let worst = 0;
      for (let i = 0; i < N; i++) {
        let scale = 0;
        for (let j = 0; j < c; j++) scale = Math.max(scale, Math.abs(ref[i * c + j]));
        for (let j = 0; j < c; j++) worst = Math.max(worst, Math.abs(outputs[i * c + j] - ref[i * c + j]) / Math.max(scale, 1e-6));
        expect(classes[i]).toBe(argmax(ref, i * c, c));
      }
      expect(worst).toBeLessThan(1e-4);
      expect(sizeOf(rt.program.outputShape)).toBe(c);
    });
  }
});
