import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../../tfjs/backend';
import { decodeModel } from '../../compress/decode';
import { toLayersModel } from '../../models/toLayersModel';
import { sizeOf } from '../../models/shapes';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooModels, zooResult, zooSamples } from '../../bundle/testing/zoo';
import { IRBuilder } from '../../bundle/testing/ir-builder';
import { asVersion1 } from '../../bundle/testing/legacy';
import { argmax, createRuntime } from './executor';
import { mcuSimdSupported } from './wasm/load';

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

describe('the SIMD kernels and the plain TypeScript kernels', () => {
  const result = zooResult(zooModels(5), 9);
  const bundle = readBundle(writeBundle(result));

  it('WebAssembly SIMD is available here (the runtime is fast only with it)', () => {
    expect(mcuSimdSupported()).toBe(true);
  });

  for (const name of ['img', 'seq', 'vec']) {
    it(`${name}: give the same output bits and the same counts`, () => {
      const ir = decodeModel(result, name);
      const { x } = zooSamples(ir, 16, 21);
      const fast = createRuntime(bundle, name);
      const slow = createRuntime(bundle, name, { simd: false });
      expect(fast.image.kernel).not.toBeNull();
      expect(slow.image.kernel).toBeNull();
      const a = fast.runBatch(x, 16).outputs, b = slow.runBatch(x, 16).outputs;
      const ab = new Uint32Array(a.buffer), bb = new Uint32Array(b.buffer);
      let same = 0;
      for (let i = 0; i < ab.length; i++) if (ab[i] === bb[i]) same++;
      expect(same).toBe(ab.length);
      expect(fast.counts()).toEqual(slow.counts());
    });
  }
});

describe('output buffers that alias', () => {
  beforeAll(async () => { await setupWasmBackend(); });
  const a = new IRBuilder('alias', [4, 4, 2], 3);
  const h = a.conv2d('c', 'input', 3, { k: [3, 3], padding: 'same', activation: 'relu' });
  const aliasIR = a.build(a.reshape('r', h, [48]));
  const b = new IRBuilder('copy', [3, 2], 4);
  b.dense('dead', 'input', 4);
  const copyIR = b.build(b.flatten('f', 'input'));
  const result = zooResult([aliasIR, copyIR]);
  const bundle = readBundle(writeBundle(result));

  it('an output that reshapes a conv output is written in place; one that flattens the input is copied', () => {
    for (const name of ['alias', 'copy']) {
      const ir = decodeModel(result, name);
      const { x } = zooSamples(ir, 8, 2);
      const ref = tfjsOutputs(ir, x, 8);
      const rt = createRuntime(bundle, name);
      const out = rt.runBatch(x, 8).outputs;
      for (let i = 0; i < ref.length; i++) expect(Math.abs(out[i] - ref[i])).toBeLessThan(1e-5);
    }
    expect(createRuntime(bundle, 'copy').program.ops.map((o) => o.op)).toEqual([1, 10]);
  });
});

describe('bundles of format version 1 (float models, written before int8 models existed)', () => {
  it('read and run with the outputs of the same models in version 2', () => {
    const result = zooResult(zooModels());
    const v2 = writeBundle(result);
    const v1 = readBundle(asVersion1(v2));
    expect(v1.manifest.version).toBe(1);
    expect(new DataView(asVersion1(v2).buffer).getUint32(8, true)).toBe(1);
    for (const name of ['img', 'seq', 'vec']) {
      const { x } = zooSamples(decodeModel(result, name), 8, 3);
      expect(createRuntime(v1, name).runBatch(x, 8).outputs).toEqual(createRuntime(readBundle(v2), name).runBatch(x, 8).outputs);
    }
  });
});
