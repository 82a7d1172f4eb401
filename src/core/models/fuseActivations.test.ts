import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { fromLayersModel } from './fromLayersModel';
import { toLayersModel } from './toLayersModel';
import { foldBatchNorm } from './foldBatchNorm';
import { fuseActivations } from './fuseActivations';
import { maxAbsDiff, predictFlat, randomInput, randomizeWeights } from './testing';

beforeAll(async () => {
  await setupWasmBackend();
});

/** conv -> BN -> ReLU (the DS-CNN block), a branch read twice, add -> ReLU, and a ReLU that is the output. */
function model(): tf.LayersModel {
  const inp = tf.input({ shape: [6, 6, 2], name: 'img' });
  const c = tf.layers.conv2d({ name: 'c', filters: 4, kernelSize: 3, padding: 'same', useBias: false }).apply(inp) as tf.SymbolicTensor;
  const bn = tf.layers.batchNormalization({ name: 'bn' }).apply(c) as tf.SymbolicTensor;
  const r = tf.layers.reLU({ name: 'r' }).apply(bn) as tf.SymbolicTensor;
  const p = tf.layers.conv2d({ name: 'p', filters: 4, kernelSize: 1 }).apply(r) as tf.SymbolicTensor;
  const pr = tf.layers.activation({ name: 'pr', activation: 'relu' }).apply(p) as tf.SymbolicTensor; // p is read twice: not fused
  const s = tf.layers.add({ name: 's' }).apply([p, pr]) as tf.SymbolicTensor;
  const sr = tf.layers.activation({ name: 'sr', activation: 'relu' }).apply(s) as tf.SymbolicTensor;
  const g = tf.layers.globalAveragePooling2d({ name: 'g' }).apply(sr) as tf.SymbolicTensor;
  const d = tf.layers.dense({ name: 'd', units: 3 }).apply(g) as tf.SymbolicTensor;
  const out = tf.layers.activation({ name: 'sm', activation: 'softmax' }).apply(d) as tf.SymbolicTensor;
  return tf.model({ inputs: inp, outputs: out });
}

describe('fuseActivations', () => {
  it('moves standalone activations into the linear layer before them, with the same predictions', () => {
    const m = model();
    randomizeWeights(m, 5);
    const x = randomInput(4, [6, 6, 2], 9);
    const ref = predictFlat(m, x, 4);
    const ir = foldBatchNorm(fromLayersModel(m, 'm'));
    const f = fuseActivations(ir);
    expect(f.layers.map((l) => l.name)).toEqual(['img', 'c', 'p', 'pr', 's', 'g', 'd']);
    expect(f.output).toBe('d');
    const act = (n: string) => { const l = f.layers.find((x) => x.name === n); return l && 'activation' in l ? l.activation : null; };
    expect([act('c'), act('p'), act('s'), act('d')]).toEqual(['relu', 'linear', 'relu', 'softmax']);
    expect(f.layers.find((l) => l.name === 'g')?.inputs).toEqual(['s']);
    expect(ir.layers.some((l) => l.name === 'r')).toBe(true); // the input IR is untouched
    const back = toLayersModel(f);
    expect(maxAbsDiff(predictFlat(back, x, 4), ref)).toBeLessThan(1e-5);
    m.dispose(); back.dispose();
  });
});
