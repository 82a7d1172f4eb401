import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from './backend';
import { channelSumImpl } from './kernels/channelSum';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-4) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol * Math.max(1, Math.abs(b[i])));
};

async function on<T>(backend: string, f: () => T): Promise<T> {
  await tf.setBackend(backend);
  return f();
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('per-channel Sum/Mean fast path and zero-copy Identity on wasm', () => {
  it('channelSumImpl sums rows per channel', () => {
    const out = new Float32Array(2);
    channelSumImpl(new Float32Array([1, 2, 3, 4, 5, 6]), 3, 2, out, 0.5);
    expect(Array.from(out)).toEqual([4.5, 6]);
    expect(() => channelSumImpl(new Float32Array(5), 3, 2, out)).toThrow(/expected 6 values/);
  });

  it('Sum and Mean over all but the last axis match the CPU backend; other reductions still work', async () => {
    const data = Float32Array.from({ length: 2 * 5 * 4 * 3 }, (_, i) => Math.sin(i) * 3);
    const run = () => tf.tidy(() => {
      const x = tf.tensor4d(data, [2, 5, 4, 3]);
      return [tf.sum(x, [0, 1, 2]), tf.mean(x, [2, 0, 1], true), tf.sum(x, 1), tf.mean(x, -1), tf.sum(tf.reshape(x, [40, 3]), 0), tf.moments(x, [0, 1, 2]).variance]
        .map((t) => ({ shape: t.shape, v: Array.from(t.dataSync()) }));
    });
    const ref = await on('cpu', run);
    const got = await on('wasm', run);
    expect(got.map((g) => g.shape)).toEqual(ref.map((r) => r.shape));
    got.forEach((g, i) => close(g.v, ref[i].v));
    expect(got[1].shape).toEqual([1, 1, 1, 3]);
  });

  it('Identity shares data safely: a clone outlives its source', async () => {
    await tf.setBackend('wasm');
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3]);
    const before = tf.memory().numBytes;
    b.dispose();
    expect(tf.memory().numBytes).toBeLessThan(before);
  });
});
