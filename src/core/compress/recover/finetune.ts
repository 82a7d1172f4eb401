import * as tf from '@tensorflow/tfjs';
import type { CancelCheck } from '../../util/progress';
import { forEachBatch } from '../../data/batches';
import type { ModelSession } from '../evaluate/session';
import { outputIsSoftmax } from '../evaluate/output';
import type { Split } from '../../data/types';

/** Options of one M-step. */
export interface FineTuneOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Rows used per epoch: a seeded random subset of the split (0 = all). */
  maxSamples: number;
  /** Order of rows, e.g. a seeded permutation of the split (length >= rows used). */
  order: Uint32Array;
  shouldCancel?: CancelCheck;
  /** Called after each batch with the fraction done. */
  onBatch?: (fraction: number) => void;
  /** Distillation: train towards the float model's output probabilities instead of the labels. */
  teacher?: Teacher;
}

/** The float model's output probabilities on some training rows (knowledge distillation targets). */
export interface Teacher {
  classes: number;
  /** For each training row, its slot in `probs`, or -1. */
  slot: Int32Array;
  /** (slots x classes) */
  probs: Float32Array;
}

/** Fills (m x classes) targets for rows `rows[0..m)` from the teacher; throws on a row it lacks. */
export function teacherBatch(t: Teacher, rows: ArrayLike<number>, m: number, out: Float32Array): Float32Array {
  for (let i = 0; i < m; i++) {
    const k = t.slot[rows[i]];
    if (k < 0) throw new Error(`distillation: training row ${rows[i]} has no teacher output`);
    out.set(t.probs.subarray(k * t.classes, (k + 1) * t.classes), i * t.classes);
  }
  return out.subarray(0, m * t.classes);
}

/**
 * The loss of a batch: cross-entropy against soft targets (m x classes) when given (distillation), else
 * against the labels `y`.
 */
export function batchLoss(out: tf.Tensor, y: tf.Tensor1D, softmaxed: boolean, soft: tf.Tensor | null): tf.Scalar {
  if (!soft) return crossEntropy(out, y, softmaxed);
  const logp = softmaxed ? tf.log(tf.clipByValue(out, 1e-7, 1)) : tf.logSoftmax(out);
  return tf.neg(tf.mean(tf.sum(tf.mul(soft, logp), -1))) as tf.Scalar;
}


/**
 * Cross-entropy of a batch: from probabilities when the model ends in softmax, else from logits.
 * `y` holds class ids.
 */
export function crossEntropy(out: tf.Tensor, y: tf.Tensor1D, softmaxed: boolean): tf.Scalar {
  const classes = out.shape[out.shape.length - 1] as number;
  const oneHot = tf.oneHot(y, classes).toFloat();
  if (!softmaxed) return tf.losses.softmaxCrossEntropy(oneHot, out) as tf.Scalar;
  const logp = tf.log(tf.clipByValue(out, 1e-7, 1));
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logp), -1))) as tf.Scalar;
}

/**
 * The M-step: trains only `vars` of the session's model with Adam on `split` (inference-mode layers:
 * dropout off, batch-norm statistics fixed), everything else frozen. Returns the mean loss of the last epoch.
 */
export async function fineTune(session: ModelSession, vars: tf.Variable[], split: Split, opt: FineTuneOptions): Promise<number> {
  if (vars.length === 0 || opt.epochs === 0 || split.n === 0) return NaN;
  const ir = session.ir;
  const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
  const rows = opt.maxSamples > 0 ? Math.min(opt.maxSamples, split.n) : split.n;
  if (opt.order.length < rows) throw new Error(`fineTune: order has ${opt.order.length} rows, need ${rows}`);
  const softmaxed = outputIsSoftmax(ir);
  const optimizer = tf.train.adam(opt.learningRate);
  const tb = opt.teacher ? new Float32Array(opt.batchSize * opt.teacher.classes) : null;
  let lastLoss = NaN;
  try {
    for (let e = 0; e < opt.epochs; e++) {
      let sum = 0;
      // epoch e uses a rotated window of the order so each epoch sees rows in a different sequence
      await forEachBatch(split, rowLen, rows, (j) => opt.order[(j + e * 7919) % rows], opt.batchSize, (b) => {
        const loss = tf.tidy(() => {
          const x = tf.tensor(b.x, [b.m, ...ir.inputShape]);
          const y = tf.tensor1d(b.y, 'int32');
          const soft = opt.teacher && tb ? tf.tensor2d(teacherBatch(opt.teacher, b.rows, b.m, tb), [b.m, opt.teacher.classes]) : null;
          const f = () => batchLoss(session.model.apply(x, { training: false }) as tf.Tensor, y, softmaxed, soft);
          return optimizer.minimize(f, true, vars) as tf.Scalar;
        });
        sum += loss.dataSync()[0] * b.m;
        loss.dispose();
        opt.onBatch?.((e * b.count + b.index + 1) / (opt.epochs * b.count));
      }, opt.shouldCancel);
      lastLoss = sum / rows;
    }
  } finally {
    optimizer.dispose();
  }
  return lastLoss;
}
