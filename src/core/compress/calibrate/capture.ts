/**
 * Calibration rows and what one pass over them gives: a seeded subset of the training split (never the
 * validation or test split, which judge the result), run through a model layer by layer with chosen tensors
 * kept (TensorCache) and the output probabilities.
 */
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../data/types';
import { createRng, deriveSeed, permutation } from '../../util/random';
import type { LayerRunner, TensorCache } from './forward';

/** Batch size of the calibration passes. */
export const CALIBRATION_BATCH = 128;

/**
 * The first `count` rows of a seeded permutation of [0, n) (all rows when count ≥ n), in the permutation's
 * order: any prefix is itself a uniform sample (the per-layer loss uses the first KL_ROWS), even when the
 * split is ordered (by class, by subject).
 */
export function calibrationRows(n: number, count: number, seed: number): Uint32Array {
  const p = permutation(n, createRng(deriveSeed(seed, 'calibration')));
  return p.slice(0, Math.min(count, n));
}

/** The rows `rows` of a split as one array (n × row length). */
export function gatherRows(split: Split, rowLen: number, rows: ArrayLike<number>): Float32Array {
  const x = new Float32Array(rows.length * rowLen);
  for (let i = 0; i < rows.length; i++) x.set(split.x.subarray(rows[i] * rowLen, (rows[i] + 1) * rowLen), i * rowLen);
  return x;
}

/**
 * Runs `runner` over the n rows of `x` (shape `inShape` each) in batches, keeping the tensors named in
 * `keep` (one per batch, owned by the caller: disposeCache) and returning the output probabilities
 * (n × classes; softmax applied when `softmaxOut` is false).
 */
export function capture(runner: LayerRunner, x: Float32Array, n: number, inShape: number[], keep: ReadonlySet<string>, softmaxOut: boolean,
  batch = CALIBRATION_BATCH): { cache: TensorCache; probs: Float32Array } {
  const rowLen = inShape.reduce((a, b) => a * b, 1);
  const cache: TensorCache = new Map([...keep].map((k) => [k, []]));
  const parts: Float32Array[] = [];
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    const kept = tf.tidy(() => {
      const env = new Map<string, tf.Tensor>();
      env.set(runner.inputName, runner.input(tf.tensor(x.subarray(s * rowLen, (s + m) * rowLen), [m, ...inShape])));
      const out = runner.run(env);
      parts.push((softmaxOut ? out : tf.softmax(out)).dataSync() as Float32Array);
      const k: tf.Tensor[] = [];
      for (const name of keep) {
        const t = env.get(name);
        if (!t) throw new Error(`capture: tensor '${name}' was not computed`);
        k.push(t);
      }
      return k;
    });
    [...keep].forEach((name, i) => cache.get(name)!.push(kept[i]));
  }
  const classes = parts.length ? parts[0].length / Math.min(batch, n) : 0;
  const probs = new Float32Array(n * classes);
  let o = 0;
  for (const p of parts) { probs.set(p, o); o += p.length; }
  return { cache, probs };
}
