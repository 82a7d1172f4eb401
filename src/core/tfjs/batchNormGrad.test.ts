import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { registerBatchNormGrad } from './batchNormGrad';

/** Gradients of sum(batchNorm(x, mean, var, offset, scale) * w) w.r.t. all five inputs. */
function grads(shape: number[]): number[][] {
  return tf.tidy(() => {
    const c = shape[shape.length - 1];
    const x = tf.randomNormal(shape, 0, 1, 'float32', 1);
    const w = tf.randomNormal(shape, 0, 1, 'float32', 2);
    const mean = tf.randomNormal([c], 0, 1, 'float32', 3);
    const variance = tf.add(tf.randomUniform([c], 0, 1, 'float32', 4), 0.5);
    const offset = tf.randomNormal([c], 0, 1, 'float32', 5);
    const scale = tf.randomNormal([c], 0, 1, 'float32', 6);
    const f = (a: tf.Tensor, m: tf.Tensor, v: tf.Tensor, o: tf.Tensor, s: tf.Tensor) =>
      tf.sum(tf.mul(tf.batchNorm(a, m as tf.Tensor1D, v as tf.Tensor1D, o as tf.Tensor1D, s as tf.Tensor1D, 1e-3), w));
    return tf.grads(f)([x, mean, variance, offset, scale]).map((g) => Array.from(g.dataSync()));
  });
}

describe('FusedBatchNorm gradient without Tile', () => {
  it('equals tfjs-core\'s own gradient on a rank-4 input, for inputs of rank 4, 3 and 2', async () => {
    await tf.setBackend('cpu');
    const shapes = [[3, 4, 5, 6], [4, 7, 6], [5, 6]];
    const ref = shapes.map(grads);
    registerBatchNormGrad();
    const got = shapes.map(grads);
    got.forEach((gs, k) => gs.forEach((g, i) => {
      expect(g.length).toBe(ref[k][i].length);
      g.forEach((v, j) => expect(v).toBeCloseTo(ref[k][i][j], 4));
    }));
  });
});
