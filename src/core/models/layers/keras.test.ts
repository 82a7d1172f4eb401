import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../../tfjs/backend';
import { fromLayersModel } from '../fromLayersModel';
import { toLayersModel } from '../toLayersModel';
import { inferenceGraph } from '../fuseActivations';
import { ACTIVATIONS } from '../ir';
import { maxAbsDiff, predictFlat, randomInput, randomizeWeights } from '../testing';
import { activationChain, branchyModel } from './testing';

describe('Keras-application layers: tfjs -> IR -> tfjs', () => {
  beforeAll(async () => { await setupWasmBackend(); });

  it('a branchy functional graph converts with every new layer kind and predicts exactly as the original', () => {
    const model = branchyModel();
    randomizeWeights(model, 11);
    const ir = fromLayersModel(model, 'branchy');
    const kinds = new Set(ir.layers.map((l) => l.kind));
    for (const k of ['zeroPad2d', 'crop2d', 'concat', 'multiply', 'average', 'maximum', 'minimum', 'upSample2d', 'permute',
      'rescale', 'leakyRelu', 'thresholdedRelu', 'clippedRelu', 'prelu'] as const) expect(kinds, k).toContain(k);
    expect(ir.layers.find((l) => l.name === 'elu')).toMatchObject({ kind: 'activation', activation: 'elu' });
    expect(ir.layers.find((l) => l.name === 'dense_cat')).toMatchObject({ kind: 'concat', axis: 2, inputs: ['stem_relu4', 'b1_leaky', 'b2_prelu'] });
    expect(ir.layers.find((l) => l.name === 'transpose')).toMatchObject({ perm: [1, 0, 2] });
    const x = randomInput(16, [12, 12, 3], 2);
    const want = predictFlat(model, x, 16);
    const rebuilt = toLayersModel(ir);
    // exact but for the rebuilt batch norm (mean 0, variance 1 - eps: float rounding)
    expect(maxAbsDiff(predictFlat(rebuilt, x, 16), want)).toBeLessThan(1e-6);
    // batch norm folded into stem_conv, activations fused: same predictions within float rounding
    const g = inferenceGraph(ir);
    expect(g.layers.some((l) => l.kind === 'batchNorm')).toBe(false);
    const folded = toLayersModel(g);
    expect(maxAbsDiff(predictFlat(folded, x, 16), want)).toBeLessThan(1e-5);
    for (const m of [model, rebuilt, folded]) m.dispose();
  });

  it('every tfjs activation, as a layer and fused into dense, predicts exactly as the original', () => {
    const model = activationChain(ACTIVATIONS);
    randomizeWeights(model, 5);
    const ir = fromLayersModel(model, 'acts');
    const x = randomInput(20, [6], 3);
    const rebuilt = toLayersModel(ir);
    expect(maxAbsDiff(predictFlat(rebuilt, x, 20), predictFlat(model, x, 20))).toBe(0);
    model.dispose();
    rebuilt.dispose();
  });

  it('says what tfjs cannot evaluate and names the unsupported layer', () => {
    const x = tf.input({ shape: [4, 4, 2] });
    const a = tf.layers.conv2d({ filters: 2, kernelSize: 1, name: 'a' }).apply(x) as tf.SymbolicTensor;
    const v = tf.layers.dense({ units: 2, name: 'd' }).apply(tf.layers.globalAveragePooling2d({}).apply(a)) as tf.SymbolicTensor;
    const m = tf.layers.multiply({ name: 'rank_mix' }).apply([a, v]);
    expect(() => fromLayersModel(tf.model({ inputs: x, outputs: m as tf.SymbolicTensor }), 'bad'))
      .toThrow(/layer 'rank_mix' \(class Multiply\) is not supported: inputs of different ranks.*Supported layer classes: .*ZeroPadding2D/);
    const lstm = tf.sequential({ layers: [tf.layers.lstm({ inputShape: [5, 3], units: 2, name: 'rnn' })] });
    expect(() => fromLayersModel(lstm, 'rnn')).toThrow(/layer 'rnn' \(class LSTM\) is not supported: unknown layer class/);
  });
});
