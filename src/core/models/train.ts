import * as tf from '@tensorflow/tfjs';
import type { CancelCheck, ProgressFn } from '../util/progress';
import { forEachBatch } from '../data/batches';
import type { LabelledData } from '../data/batches';
import { evaluate } from './evaluate';
import { createRng, permutation } from '../util/random';

/** Options of trainClassifier. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /** Learning rate of epoch e (0-based), e.g. a step or cosine schedule. */
  learningRate: number | ((epoch: number) => number);
  /** Seed of the per-epoch sample order (and of `augment`'s generator). */
  seed: number;
  /** Validation data: after each epoch its accuracy is measured and the best epoch's weights are kept. */
  val?: LabelledData;
  /** Changes a batch in place (e.g. random shifts), with a seeded uniform [0, 1) generator. */
  augment?: (x: Float32Array, n: number, rand: () => number) => void;
  /** Called after each epoch. */
  onEpoch?: (e: EpochLog) => void;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
}

/** Figures of one epoch. */
export interface EpochLog {
  epoch: number;
  loss: number;
  trainAccuracy: number;
  valAccuracy: number | null;
  learningRate: number;
  ms: number;
}

/**
 * Trains a softmax classifier with Adam and cross-entropy, deterministically: the sample order of
 * each epoch is a seeded permutation (no tfjs shuffling), so with seeded initializers the same inputs
 * give the same weights. With `val`, the weights of the epoch with the best validation accuracy are
 * restored at the end. Returns the per-epoch logs. The model must end in a softmax over the classes.
 */
export async function trainClassifier(model: tf.LayersModel, data: LabelledData, opts: TrainOptions): Promise<EpochLog[]> {
  const inShape = (model.inputs[0].shape as number[]).slice(1);
  const outShape = model.outputs[0].shape;
  const classes = outShape[outShape.length - 1] as number;
  const row = inShape.reduce((a, b) => a * b, 1);
  const n = data.y.length;
  if (data.x.length !== n * row) throw new Error(`trainClassifier: ${data.x.length} input values for ${n} samples of shape [${inShape}]`);
  const lrOf = (e: number) => (typeof opts.learningRate === 'number' ? opts.learningRate : opts.learningRate(e));
  const optimizer = tf.train.adam(lrOf(0));
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const rand = createRng(opts.seed);
  const logs: EpochLog[] = [];
  let best: { acc: number; weights: tf.Tensor[] } | null = null;
  try {
    for (let e = 0; e < opts.epochs; e++) {
      const t0 = Date.now();
      const lr = lrOf(e);
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
      const order = permutation(n, rand);
      let lossSum = 0;
      let accSum = 0;
      await forEachBatch(data, row, n, (j) => order[j], opts.batchSize, async (b) => {
        if (opts.augment) opts.augment(b.x, b.m, rand);
        const xs = tf.tensor(b.x, [b.m, ...inShape]);
        const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(b.y, 'int32'), classes).toFloat());
        const out = (await model.trainOnBatch(xs, ys)) as number[];
        tf.dispose([xs, ys]);
        lossSum += out[0] * b.m;
        accSum += out[1] * b.m;
        opts.onProgress?.({ fraction: (e * b.count + b.index + 1) / (opts.epochs * b.count), phase: 'train', message: `epoch ${e + 1}/${opts.epochs}` });
      }, opts.shouldCancel);
      const valAccuracy = opts.val ? await evaluate(model, opts.val.x, opts.val.y) : null;
      if (valAccuracy !== null && (!best || valAccuracy > best.acc)) {
        if (best) tf.dispose(best.weights);
        best = { acc: valAccuracy, weights: model.getWeights().map((w) => w.clone()) };
      }
      const log: EpochLog = { epoch: e, loss: lossSum / n, trainAccuracy: accSum / n, valAccuracy, learningRate: lr, ms: Date.now() - t0 };
      logs.push(log);
      opts.onEpoch?.(log);
    }
    if (best) model.setWeights(best.weights);
  } finally {
    if (best) tf.dispose(best.weights);
  }
  return logs;
}
