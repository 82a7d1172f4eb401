import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { trainClassifier } from './train';
import { createRng } from '../util/random';
import { evaluate } from './evaluate';

function net(seed: number): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed }) }),
    tf.layers.batchNormalization(),
    tf.layers.flatten(),
    tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
  ] });
}

/** Class 1: bright left half. */
function data(n: number, seed: number) {
  const r = createRng(seed);
  const x = new Float32Array(n * 36);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let p = 0; p < 36; p++) x[i * 36 + p] = r() - 0.5 + (y[i] && p % 6 < 3 ? 0.8 : 0);
  }
  return { x, y };
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('trainClassifier', () => {
  it('is deterministic for fixed seeds, learns, and keeps the best validation epoch', async () => {
    const train = data(96, 1);
    const val = data(40, 2);
    const run = async () => {
      const m = net(3);
      const logs = await trainClassifier(m, train, { epochs: 4, batchSize: 16, learningRate: (e) => (e < 2 ? 0.01 : 0.003), seed: 9, val });
      const w = m.getWeights().map((t) => Array.from(t.dataSync()));
      const acc = await evaluate(m, val.x, val.y);
      m.dispose();
      return { logs, w, acc };
    };
    const a = await run();
    const b = await run();
    expect(b.w).toEqual(a.w);
    expect(a.logs.map((l) => l.learningRate)).toEqual([0.01, 0.01, 0.003, 0.003]);
    const best = Math.max(...a.logs.map((l) => l.valAccuracy as number));
    expect(a.acc).toBe(best);
    expect(best).toBeGreaterThan(0.8);
  });
});
