import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../../node/tfjs';
import { ModelSession } from './session';
import { fineTune } from '../recover/finetune';
import { blobTask, irOf, quickTrain, tinyCnn } from '../testing/tinyModels';

beforeAll(async () => { await setupNodeTfjs(); });

describe('ModelSession', () => {
  it('swaps kernels, snapshots and restores, and reports accuracy', async () => {
    const { model } = tinyCnn(1);
    const data = blobTask(256, 2);
    await quickTrain(model, data, 4);
    const s = new ModelSession(irOf(model), model);
    const acc = s.accuracy(data);
    expect(acc).toBeGreaterThan(0.9);
    const snap = s.snapshot();
    s.setKernel('out', new Float32Array(256 * 4));
    expect(s.accuracy(data)).toBeLessThan(0.5);
    s.restore(snap);
    expect(s.accuracy(data)).toBe(acc);
    expect(() => s.setKernel('out', new Float32Array(3))).toThrow(/3 values/);
    s.dispose();
  });

  it('fineTune trains only the given variables and lowers the loss', async () => {
    const { model } = tinyCnn(3);
    const data = blobTask(256, 4);
    const s = new ModelSession(irOf(model), model);
    const before = s.getKernel('c1');
    const order = Uint32Array.from({ length: data.n }, (_, i) => i);
    const opts = { epochs: 1, batchSize: 32, learningRate: 0.01, maxSamples: 0, order };
    const l1 = await fineTune(s, [s.variable('out', 'kernel')!, ...s.biasVariables()], data, opts);
    const l2 = await fineTune(s, [s.variable('out', 'kernel')!, ...s.biasVariables()], data, { ...opts, epochs: 2 });
    expect(l2).toBeLessThan(l1);
    expect(s.getKernel('c1')).toEqual(before);
    expect(tf.memory().numTensors).toBeLessThan(200);
    s.dispose();
  });
});
