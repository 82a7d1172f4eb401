/**
 * The one mini-batch loop of the project (fine-tuning's M-step, the shadow EM and model training): an epoch
 * walks rows of a split in a given order, gathering `batchSize` of them at a time into buffers that are
 * reused from batch to batch. Pure (no tfjs): the caller turns a batch into tensors.
 */
import type { CancelCheck } from '../util/progress';
import { throwIfCancelled } from '../util/progress';

/** Labelled rows (a split, training data): (n x rowLen) samples of the model input, (n) class ids. */
export interface LabelledData {
  /** (n x rowLen) */
  x: Float32Array;
  /** (n) */
  y: ArrayLike<number>;
}

/** One mini-batch: the first `m` rows of each buffer are filled (the buffers are reused by the next batch). */
export interface Batch {
  /** Rows in this batch: `batchSize`, or fewer in the last one. */
  m: number;
  /** Index of the batch in the epoch, from 0. */
  index: number;
  /** Batches in the epoch. */
  count: number;
  /** (m x rowLen) the samples. */
  x: Float32Array;
  /** (m) their class ids. */
  y: Int32Array;
  /** (m) the source row of each sample. */
  rows: Uint32Array;
}

/**
 * Walks one epoch of `rows` samples in mini-batches of `batchSize`: batch row i of batch b is source row
 * `rowAt(b * batchSize + i)`. Checks `shouldCancel` before each batch (throws CancelledError) and awaits
 * `body` per batch. A batch's arrays are views of buffers the next batch overwrites: copy what you keep.
 */
export async function forEachBatch(
  data: LabelledData, rowLen: number, rows: number, rowAt: (j: number) => number, batchSize: number,
  body: (batch: Batch) => void | Promise<void>, shouldCancel?: CancelCheck,
): Promise<void> {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new Error(`forEachBatch: batchSize must be an integer >= 1, got ${batchSize}`);
  const xb = new Float32Array(batchSize * rowLen);
  const yb = new Int32Array(batchSize);
  const rb = new Uint32Array(batchSize);
  const count = Math.ceil(rows / batchSize);
  for (let b = 0; b < count; b++) {
    await throwIfCancelled(shouldCancel);
    const s = b * batchSize;
    const m = Math.min(batchSize, rows - s);
    for (let i = 0; i < m; i++) {
      const r = rowAt(s + i);
      xb.set(data.x.subarray(r * rowLen, (r + 1) * rowLen), i * rowLen);
      yb[i] = data.y[r];
      rb[i] = r;
    }
    await body({ m, index: b, count, x: xb.subarray(0, m * rowLen), y: yb.subarray(0, m), rows: rb.subarray(0, m) });
  }
}
