import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { fromLayersModel } from './fromLayersModel';
import { toLayersModel } from './toLayersModel';
import { countMacs, countParams, float32Bytes, layerStats } from './stats';
import { cloneIR } from './clone';
import { getWeightLayer, irToWeightList, replaceKernel } from './weights';
import { evaluate, predictClasses } from './evaluate';
import { convOutputSize, padBefore } from './shapes';
import { predictFlat, randomInput, randomizeWeights } from './testing';

function small(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [10, 10, 1], filters: 4, kernelSize: 3, activation: 'relu', name: 'c' }), // 8x8x4
    tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'dw' }), // 8x8x4
    tf.layers.batchNormalization({ name: 'bn' }),
    tf.layers.averagePooling2d({ poolSize: 2, name: 'p' }), // 4x4x4
    tf.layers.flatten({ name: 'f' }),
    tf.layers.dense({ units: 3, name: 'd' }),
  ] });
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('IR utilities', () => {
  it('counts params (batch norm as scale + shift), MACs per layer and float32 bytes', () => {
    const m = small();
    const ir = fromLayersModel(m, 'small');
    // conv 3*3*1*4+4 = 40; dw 3*3*4+4 = 40; bn 2*4 = 8; dense 64*3+3 = 195
    expect(countParams(ir)).toBe(40 + 40 + 8 + 195);
    expect(countParams(ir)).toBe(m.countParams() - 8); // tfjs also counts moving mean and variance
    expect(float32Bytes(ir)).toBe(4 * 283);
    const macs = countMacs(ir);
    expect(macs.perLayer).toEqual([
      { name: ir.layers[0].name, macs: 0 }, { name: 'c', macs: 8 * 8 * 4 * 9 }, { name: 'dw', macs: 8 * 8 * 4 * 9 },
      { name: 'bn', macs: 256 }, { name: 'p', macs: 64 * 4 }, { name: 'f', macs: 0 }, { name: 'd', macs: 64 * 3 },
    ]);
    expect(macs.total).toBe(2304 + 2304 + 256 + 256 + 192);
    expect(layerStats(ir)[1]).toEqual({ name: 'c', kind: 'conv2d', outputShape: [8, 8, 4], params: 40, macs: 2304, float32Bytes: 160 });
    m.dispose();
  });

  it('cloneIR copies every typed array', () => {
    const m = small();
    const ir = fromLayersModel(m, 'small');
    const c = cloneIR(ir, 'copy');
    expect(c.name).toBe('copy');
    const k0 = getWeightLayer(ir, 'c').kernel.data;
    const k1 = getWeightLayer(c, 'c').kernel.data;
    expect(Array.from(k1)).toEqual(Array.from(k0));
    k1[0] += 1;
    expect(k0[0]).not.toBe(k1[0]);
    m.dispose();
  });

  it('irToWeightList lists kernels, biases, scales and shifts in order; replaceKernel swaps one kernel', () => {
    const m = small();
    randomizeWeights(m, 3);
    const ir = fromLayersModel(m, 'small');
    expect(irToWeightList(ir).map((w) => `${w.layer}:${w.role}`)).toEqual(['c:kernel', 'c:bias', 'dw:kernel', 'dw:bias', 'bn:scale', 'bn:shift', 'd:kernel', 'd:bias']);
    const zero = new Float32Array(64 * 3);
    const r = replaceKernel(ir, 'd', zero);
    expect(getWeightLayer(ir, 'd').kernel.data).not.toBe(zero); // original untouched
    const x = randomInput(5, [10, 10, 1], 9);
    const model = toLayersModel(r);
    const out = predictFlat(model, x, 5);
    const bias = getWeightLayer(ir, 'd').bias?.data as Float32Array;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) expect(out[i * 3 + j]).toBeCloseTo(bias[j], 5);
    expect(() => replaceKernel(ir, 'd', new Float32Array(5))).toThrow(/5 values for kernel shape \[64,3\]/);
    expect(() => replaceKernel(ir, 'bn', zero)).toThrow(/no weight layer 'bn' \(weight layers: c, dw, d\)/);
    m.dispose(); model.dispose();
  });

  it('evaluate gives the accuracy of argmax predictions, in batches, for a model or an IR', async () => {
    const m = small();
    randomizeWeights(m, 4);
    const n = 37;
    const x = randomInput(n, [10, 10, 1], 5);
    const probs = predictFlat(m, x, n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 1; j < 3; j++) if (probs[i * 3 + j] > probs[i * 3 + best]) best = j;
      y[i] = i < 20 ? best : (best + 1) % 3; // 20 of 37 right
    }
    const before = tf.memory().numTensors;
    expect(await evaluate(m, x, y, 8)).toBeCloseTo(20 / 37, 10);
    expect(await evaluate(fromLayersModel(m, 's'), x, y, 16)).toBeCloseTo(20 / 37, 10);
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await predictClasses(m, x, 5)).slice(0, 20)).toEqual(Array.from(y).slice(0, 20));
    await expect(evaluate(m, x.subarray(0, 99), y)).rejects.toThrow(/not a whole number of samples of shape \[10,10,1\]/);
    m.dispose();
  });

  it('convOutputSize and padBefore follow tfjs', () => {
    expect(convOutputSize(28, 3, 1, 1, 'same')).toBe(28);
    expect(convOutputSize(28, 3, 2, 1, 'same')).toBe(14);
    expect(convOutputSize(28, 3, 2, 1, 'valid')).toBe(13);
    expect(convOutputSize(10, 3, 1, 2, 'valid')).toBe(6);
    expect(padBefore(28, 3, 1, 1, 'same')).toBe(1);
    expect(padBefore(28, 3, 2, 1, 'same')).toBe(0); // total 1 -> 0 before, 1 after
    expect(padBefore(28, 4, 1, 1, 'same')).toBe(1); // total 3 -> 1 before, 2 after
  });
});
