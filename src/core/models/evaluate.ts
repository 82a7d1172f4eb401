import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from './ir';
import { sizeOf } from './shapes';
import { toLayersModel } from './toLayersModel';

/** Input shape without the batch dimension of a LayersModel or IR. */
function inputShapeOf(m: tf.LayersModel | ModelIR): number[] {
  if ('layers' in m && 'inputShape' in m && !(m instanceof tf.LayersModel)) return m.inputShape;
  return ((m as tf.LayersModel).inputs[0].shape as (number | null)[]).slice(1) as number[];
}

/**
 * Predicted class (argmax of the last axis) of every sample, in batches; tensors are disposed.
 * `x` holds n samples of the model's input shape, row-major. An IR is built into a temporary model.
 */
export async function predictClasses(model: tf.LayersModel | ModelIR, x: Float32Array, batchSize = 256): Promise<Int32Array> {
  const built = model instanceof tf.LayersModel ? null : toLayersModel(model);
  const m = built ?? (model as tf.LayersModel);
  try {
    const shape = inputShapeOf(model);
    const row = sizeOf(shape);
    if (row === 0 || x.length % row !== 0) throw new Error(`evaluate: ${x.length} input values is not a whole number of samples of shape [${shape}]`);
    const n = x.length / row;
    const pred = new Int32Array(n);
    for (let s = 0; s < n; s += batchSize) {
      const e = Math.min(n, s + batchSize);
      const arg = tf.tidy(() => {
        const out = m.predict(tf.tensor(x.subarray(s * row, e * row), [e - s, ...shape])) as tf.Tensor;
        return tf.argMax(out, -1);
      });
      pred.set((await arg.data()) as Int32Array, s);
      arg.dispose();
    }
    return pred;
  } finally {
    built?.dispose();
  }
}

/** Fraction of samples whose predicted class equals the label `y[i]`, in [0, 1]. */
export async function evaluate(model: tf.LayersModel | ModelIR, x: Float32Array, y: ArrayLike<number>, batchSize = 256): Promise<number> {
  const pred = await predictClasses(model, x, batchSize);
  if (pred.length !== y.length) throw new Error(`evaluate: ${pred.length} samples but ${y.length} labels`);
  if (pred.length === 0) throw new Error('evaluate: no samples');
  let ok = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) ok++;
  return ok / pred.length;
}
