import * as tf from '@tensorflow/tfjs';

/**
 * Test helpers (imported by tests only): random weights for every variable of a model (variances kept
 * positive), and random inputs, both from a fixed seed.
 */
export function randomizeWeights(model: tf.LayersModel, seed: number): void {
  let s = seed;
  for (const l of model.layers) {
    const ws = l.getWeights();
    if (!ws.length) continue;
    const vals = l.weights.map((w, i) => {
      const r = tf.randomUniform(ws[i].shape, -0.5, 0.5, 'float32', s++);
      if (w.originalName.endsWith('moving_variance')) return tf.tidy(() => tf.add(tf.abs(r), 0.5));
      return r;
    });
    l.setWeights(vals);
    tf.dispose(vals);
  }
}

/** n random samples of `shape`, flat. */
export function randomInput(n: number, shape: number[], seed: number): Float32Array {
  return tf.tidy(() => tf.randomNormal([n, ...shape], 0, 1, 'float32', seed).dataSync() as Float32Array);
}

/** Model outputs for flat inputs. */
export function predictFlat(model: tf.LayersModel, x: Float32Array, n: number): Float32Array {
  return tf.tidy(() => {
    const shape = (model.inputs[0].shape as number[]).slice(1);
    return (model.predict(tf.tensor(x, [n, ...shape])) as tf.Tensor).dataSync() as Float32Array;
  });
}

/** Largest absolute difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
