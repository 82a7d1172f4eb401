import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { fromLayersModel } from './fromLayersModel';
import { toLayersModel } from './toLayersModel';
import { foldBatchNorm } from './foldBatchNorm';
import { inferShapes } from './shapes';
import { maxAbsDiff, predictFlat, randomInput, randomizeWeights } from './testing';

type Build = () => tf.LayersModel;
const seq = (layers: tf.layers.Layer[]) => tf.sequential({ layers });

/** Small models covering every supported layer kind. */
const MODELS: Record<string, Build> = {
  'conv2d + maxPool2d + flatten + dense': () => seq([
    tf.layers.conv2d({ inputShape: [9, 8, 2], filters: 4, kernelSize: 3, activation: 'relu' }),
    tf.layers.conv2d({ filters: 3, kernelSize: [2, 3], strides: 2, padding: 'same', dilationRate: 1, activation: 'relu6' }),
    tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 5, activation: 'softmax' }),
  ]),
  'conv1d + pooling 1d + dense': () => seq([
    tf.layers.conv1d({ inputShape: [20, 3], filters: 6, kernelSize: 5, strides: 1, padding: 'same', activation: 'tanh' }),
    tf.layers.maxPooling1d({ poolSize: 2 }),
    tf.layers.conv1d({ filters: 4, kernelSize: 3, dilationRate: 2, activation: 'sigmoid' }),
    tf.layers.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }),
    tf.layers.globalAveragePooling1d(),
    tf.layers.dense({ units: 3 }),
  ]),
  'depthwise + avgPool2d + globalAvgPool2d': () => seq([
    tf.layers.depthwiseConv2d({ inputShape: [8, 8, 3], kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu' }),
    tf.layers.averagePooling2d({ poolSize: [2, 2] }),
    tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, useBias: false }),
    tf.layers.globalAveragePooling2d({}),
    tf.layers.dense({ units: 4, activation: 'softmax' }),
  ]),
  'separable + batchNorm + ReLU + globalMax': () => seq([
    tf.layers.separableConv2d({ inputShape: [7, 7, 2], filters: 5, kernelSize: 3, depthMultiplier: 2, padding: 'same' }),
    tf.layers.batchNormalization(),
    tf.layers.reLU({ maxValue: 6 }),
    tf.layers.separableConv2d({ filters: 4, kernelSize: 3, strides: 2, activation: 'relu' }),
    tf.layers.globalMaxPooling2d({}),
    tf.layers.dense({ units: 3 }),
    tf.layers.softmax(),
  ]),
  'dense + dropout + activation + reshape + globalMax1d': () => seq([
    tf.layers.dense({ inputShape: [12], units: 16 }),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.activation({ activation: 'relu' }),
    tf.layers.reshape({ targetShape: [4, 4] }),
    tf.layers.conv1d({ filters: 3, kernelSize: 1 }),
    tf.layers.batchNormalization({ axis: -1 }),
    tf.layers.globalMaxPooling1d(),
    tf.layers.reLU(),
    tf.layers.dense({ units: 2, activation: 'sigmoid' }),
  ]),
};

function functionalWithAdd(): tf.LayersModel {
  const inp = tf.input({ shape: [8, 8, 3], name: 'img' });
  const a = tf.layers.conv2d({ name: 'a', filters: 6, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(inp) as tf.SymbolicTensor;
  const b = tf.layers.conv2d({ name: 'b', filters: 6, kernelSize: 3, padding: 'same' }).apply(a) as tf.SymbolicTensor;
  const bn = tf.layers.batchNormalization({ name: 'bn' }).apply(b) as tf.SymbolicTensor;
  const s = tf.layers.add({ name: 'sum' }).apply([a, bn]) as tf.SymbolicTensor;
  const r = tf.layers.activation({ name: 'act', activation: 'relu' }).apply(s) as tf.SymbolicTensor;
  const g = tf.layers.globalAveragePooling2d({ name: 'gap' }).apply(r) as tf.SymbolicTensor;
  const d = tf.layers.dropout({ name: 'drop', rate: 0.3 }).apply(g) as tf.SymbolicTensor;
  const out = tf.layers.dense({ name: 'out', units: 4, activation: 'softmax' }).apply(d) as tf.SymbolicTensor;
  return tf.model({ inputs: inp, outputs: out });
}

function roundTrip(build: Build, seed: number): { diff: number; foldDiff: number; ir: ReturnType<typeof fromLayersModel> } {
  const m = build();
  randomizeWeights(m, seed);
  const shape = (m.inputs[0].shape as number[]).slice(1);
  const x = randomInput(6, shape, seed + 100);
  const ref = predictFlat(m, x, 6);
  const ir = fromLayersModel(m, 'm');
  const back = toLayersModel(ir);
  const folded = toLayersModel(foldBatchNorm(ir));
  const res = { diff: maxAbsDiff(predictFlat(back, x, 6), ref), foldDiff: maxAbsDiff(predictFlat(folded, x, 6), ref), ir };
  m.dispose(); back.dispose(); folded.dispose();
  return res;
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('tfjs LayersModel <-> IR round trip', () => {
  Object.entries(MODELS).forEach(([name, build], i) => {
    it(`${name}: same predictions after tfjs -> IR -> tfjs, and after batch-norm folding`, () => {
      const { diff, foldDiff, ir } = roundTrip(build, 10 * i + 1);
      expect(diff).toBeLessThan(1e-5);
      expect(foldDiff).toBeLessThan(1e-5);
      expect(() => inferShapes(ir)).not.toThrow();
    });
  });

  it('functional model with Add and batch norm: same predictions, BN folded into conv b', () => {
    const { diff, foldDiff, ir } = roundTrip(functionalWithAdd, 77);
    expect(diff).toBeLessThan(1e-5);
    expect(foldDiff).toBeLessThan(1e-5);
    expect(ir.layers.map((l) => l.kind)).toEqual(['input', 'conv2d', 'conv2d', 'batchNorm', 'add', 'activation', 'globalAvgPool2d', 'dense']);
    expect(ir.layers.find((l) => l.name === 'sum')?.inputs).toEqual(['a', 'bn']);
    expect(ir.layers.find((l) => l.name === 'out')?.inputs).toEqual(['gap']); // dropout removed
    const f = foldBatchNorm(ir);
    expect(f.layers.map((l) => l.name)).toEqual(['img', 'a', 'b', 'sum', 'act', 'gap', 'out']);
    expect(f.layers.find((l) => l.name === 'sum')?.inputs).toEqual(['a', 'b']);
  });

  it('splits SeparableConv2D into depthwise + pointwise layers named after it', () => {
    const m = MODELS['separable + batchNorm + ReLU + globalMax']();
    const ir = fromLayersModel(m, 'sep');
    const sepName = m.layers[0].name;
    const dw = ir.layers[1];
    const pw = ir.layers[2];
    expect([dw.name, dw.kind, pw.name, pw.kind]).toEqual([`${sepName}/depthwise`, 'depthwiseConv2d', `${sepName}/pointwise`, 'conv2d']);
    expect(ir.layers[3].inputs).toEqual([`${sepName}/pointwise`]);
    const back = toLayersModel(ir);
    expect(back.getLayer(`${sepName}/pointwise`).weights[0].shape).toEqual([1, 1, 4, 5]);
    m.dispose(); back.dispose();
  });

  it('does not fold a batch norm that follows a layer with an activation', () => {
    const m = seq([tf.layers.conv2d({ inputShape: [5, 5, 1], filters: 2, kernelSize: 3, activation: 'relu' }), tf.layers.batchNormalization()]);
    const f = foldBatchNorm(fromLayersModel(m, 'x'));
    expect(f.layers.map((l) => l.kind)).toEqual(['input', 'conv2d', 'batchNorm']);
    m.dispose();
  });

  it('rejects an unsupported layer naming it, its class and the supported classes', () => {
    const m = seq([tf.layers.conv2d({ inputShape: [5, 5, 1], filters: 2, kernelSize: 3, name: 'up' }), tf.layers.reshape({ targetShape: [9, 2] }), tf.layers.simpleRNN({ units: 2, name: 'grow' })]);
    expect(() => fromLayersModel(m, 'x')).toThrow(/layer 'grow' \(class SimpleRNN\) is not supported.*Supported layer classes: InputLayer, Dense/);
    const e = seq([tf.layers.dense({ inputShape: [3], units: 2, activation: 'logSoftmax' as 'softmax', name: 'd1' })]);
    expect(() => fromLayersModel(e, 'x')).toThrow(/layer 'd1' \(class Dense\) is not supported: activation 'logSoftmax'/);
    const c = seq([tf.layers.conv1d({ inputShape: [8, 1], filters: 2, kernelSize: 3, padding: 'causal', name: 'cz' })]);
    expect(() => fromLayersModel(c, 'x')).toThrow(/layer 'cz' \(class Conv1D\).*padding 'causal'/);
    m.dispose(); e.dispose(); c.dispose();
  });

  it('rejects models with two inputs', () => {
    const a = tf.input({ shape: [3] });
    const b = tf.input({ shape: [3] });
    const s = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    expect(() => fromLayersModel(tf.model({ inputs: [a, b], outputs: s }), 'two')).toThrow(/2 inputs/);
  });

  it('inferShapes reports an inconsistent stored shape', () => {
    const m = MODELS['conv2d + maxPool2d + flatten + dense']();
    const ir = fromLayersModel(m, 'x');
    ir.layers[2].outputShape = [9, 9, 9];
    expect(() => inferShapes(ir)).toThrow(/layer '.*' \(conv2d\): stored output shape \[9,9,9\] but the inputs give \[4,3,3\]/);
    m.dispose();
  });
});
