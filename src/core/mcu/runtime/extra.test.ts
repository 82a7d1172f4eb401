import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../../tfjs/backend';
import { fromLayersModel } from '../../models/fromLayersModel';
import { inferenceGraph } from '../../models/fuseActivations';
import { activationChain, branchyModel } from '../../models/layers/testing';
import { maxAbsDiff, predictFlat, randomInput, randomizeWeights } from '../../models/testing';
import { ACTIVATIONS } from '../../models/ir';
import type { ModelIR } from '../../models/ir';
import { toLayersModel } from '../../models/toLayersModel';
import { decodeModel } from '../../compress/result/decode';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooResult } from '../../bundle/testing/zoo';
import { createRuntime } from './executor';

/**
 * The kernels of the layers added for Keras-application and TFLite coverage (kernels/pad, concat, merge,
 * upsample, permute, prelu, pointwise and the activations) against tfjs-layers: each model is imported,
 * stored with float32 kernels, run on the virtual MCU and compared with tfjs `predict` of the bundle's
 * decoded model on the same inputs.
 */
function runBoth(model: tf.LayersModel | ModelIR, n = 6, seed = 5): { rt: Float32Array; ref: Float32Array; scale: number } {
  const ir = model instanceof tf.LayersModel ? inferenceGraph(fromLayersModel(model, 'm')) : model;
  const result = zooResult([ir], 7, [['float32', 'none']]);
  const bundle = readBundle(writeBundle(result));
  const x = randomInput(n, ir.inputShape, seed);
  const rt = createRuntime(bundle, 'm').runBatch(x, n).outputs;
  const decoded = toLayersModel(decodeModel(result, 'm'));
  const ref = predictFlat(decoded, x, n);
  decoded.dispose();
  const scale = ref.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-30);
  return { rt, ref, scale };
}

function net(shape: number[], build: (x: tf.SymbolicTensor) => tf.SymbolicTensor): tf.LayersModel {
  const x = tf.input({ shape, name: 'x' });
  return tf.model({ inputs: x, outputs: build(x) });
}

const L = tf.layers;
const ap = (l: tf.layers.Layer, x: tf.SymbolicTensor | tf.SymbolicTensor[]) => l.apply(x) as tf.SymbolicTensor;

describe('virtual MCU kernels of the Keras-application layers vs tfjs', () => {
  beforeAll(async () => { await setupWasmBackend(); });

  const cases: [string, number[], (x: tf.SymbolicTensor) => tf.SymbolicTensor][] = [
    ['zero padding (asymmetric) and cropping', [5, 4, 3], (x) => ap(L.cropping2D({ cropping: [[0, 2], [1, 1]] }), ap(L.zeroPadding2d({ padding: [[2, 1], [0, 3]] }), x))],
    ['concatenation along H, W and C of rank 3', [3, 4, 2], (x) => {
      const h = ap(L.concatenate({ axis: 1 }), [x, ap(L.conv2d({ filters: 2, kernelSize: 1 }), x)]); // 6 x 4 x 2
      const w = ap(L.concatenate({ axis: 2 }), [h, ap(L.conv2d({ filters: 2, kernelSize: 1 }), h)]); // 6 x 8 x 2
      return ap(L.concatenate({ axis: 3 }), [w, ap(L.conv2d({ filters: 3, kernelSize: 1 }), w), w]); // 6 x 8 x 7
    }],
    ['concatenation of rank-2 tensors along W', [4, 3], (x) => ap(L.concatenate({ axis: 1 }), [x, ap(L.dense({ units: 3 }), x)])],
    ['multiply / maximum / minimum / average with broadcasting of either operand', [4, 3, 5], (x) => {
      const g = ap(L.reshape({ targetShape: [1, 1, 5] }), ap(L.globalAveragePooling2d({}), x));
      const row = ap(L.averagePooling2d({ poolSize: [4, 1] }), x); // 1 x 3 x 5
      const m = ap(L.multiply({}), [g, x]);
      const mx = ap(L.maximum({}), [row, m, g]);
      const mn = ap(L.minimum({}), [x, row]);
      return ap(L.average({}), [mx, mn, m]);
    }],
    ['up-sampling nearest and bilinear (factors 2 x 3 and 3 x 2)', [3, 4, 2], (x) => ap(L.concatenate({}), [
      ap(L.upSampling2d({ size: [2, 3] }), ap(L.upSampling2d({ size: [3, 2], interpolation: 'bilinear' }), x)),
      ap(L.upSampling2d({ size: [2, 3], interpolation: 'bilinear' }), ap(L.upSampling2d({ size: [3, 2] }), x))])],
    ['permute (every order of three axes)', [2, 3, 4], (x) => ap(L.flatten({}), ap(L.permute({ dims: [3, 1, 2] }), ap(L.permute({ dims: [2, 3, 1] }), ap(L.permute({ dims: [1, 3, 2] }), x))))],
    ['permute of a rank-2 tensor', [3, 5], (x) => ap(L.dense({ units: 2 }), ap(L.permute({ dims: [2, 1] }), x))],
    ['PReLU with full and shared alpha, LeakyReLU, ThresholdedReLU, ReLU(max 1.5), Rescaling', [4, 4, 3], (x) => {
      let h = ap(L.prelu({ sharedAxes: [1, 2] }), ap(L.prelu({}), ap(L.rescaling({ scale: 1.7, offset: -0.3 }), x)));
      h = ap(L.thresholdedReLU({ theta: 0.2 }), ap(L.leakyReLU({ alpha: 0.15 }), h));
      return ap(L.reLU({ maxValue: 1.5 }), h);
    }],
  ];
  for (const [name, shape, build] of cases) {
    it(name, () => {
      const m = net(shape, build);
      randomizeWeights(m, 3);
      const { rt, ref, scale } = runBoth(m);
      m.dispose();
      expect(maxAbsDiff(rt, ref) / scale, name).toBeLessThan(2e-6);
    });
  }

  it('fake quantisation (a TFLite model\'s int8 input and output)', () => {
    const m = net([4, 4, 2], (x) => ap(L.conv2d({ filters: 3, kernelSize: 3, padding: 'same' }), x));
    randomizeWeights(m, 4);
    const ir = inferenceGraph(fromLayersModel(m, 'm'));
    m.dispose();
    const [input, conv] = ir.layers;
    const fq = (name: string, from: string, shape: number[]) => ({ kind: 'fakeQuant' as const, name, inputs: [from], outputShape: shape, scale: 0.02, zeroPoint: -5, qmin: -128, qmax: 127 });
    conv.inputs = ['fq_in'];
    ir.layers = [input, fq('fq_in', input.name, input.outputShape), conv, fq('fq_out', conv.name, conv.outputShape)];
    ir.output = 'fq_out';
    const { rt, ref } = runBoth(ir, 8);
    expect(maxAbsDiff(rt, ref)).toBeLessThan(1e-6);
    expect(new Set(rt).size).toBeGreaterThan(8);
  });

  it('every activation tfjs knows, standalone and fused into dense layers', () => {
    const m = activationChain(ACTIVATIONS);
    randomizeWeights(m, 9);
    const { rt, ref, scale } = runBoth(m, 16);
    m.dispose();
    expect(maxAbsDiff(rt, ref) / scale).toBeLessThan(1e-5);
  });

  it('a branchy functional graph with every new layer: same classes, outputs within 1e-5', () => {
    const m = branchyModel();
    randomizeWeights(m, 1);
    const { rt, ref, scale } = runBoth(m, 12);
    m.dispose();
    expect(maxAbsDiff(rt, ref) / scale).toBeLessThan(1e-5);
    const cls = (v: Float32Array, i: number) => { const r = Array.from(v.subarray(i * 4, i * 4 + 4)); return r.indexOf(Math.max(...r)); };
    for (let i = 0; i < 12; i++) expect(cls(rt, i)).toBe(cls(ref, i));
  });
});
