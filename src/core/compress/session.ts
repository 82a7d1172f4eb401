import * as tf from '@tensorflow/tfjs';
import type { ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { roundF16Array } from '../util/f16';
import type { DecodedSource } from './stored';
import { decodedSource } from './stored';
import type { Split } from '../data/types';

/** How a session evaluates a stored layer (its kernel was last set to a decoded PQ/int8 kernel). */
export interface StoredWeights {
  /**
   * The kernel (null = the decoded one as set) and bias (null = none) to evaluate layer `name` with, from what
   * its kernel was decoded from and its full-precision bias.
   */
  weights(name: string, source: DecodedSource, bias: Float32Array | null): { kernel: Float32Array | null; bias: Float32Array | null };
  /** Called before the stored values are swapped in and after the prediction (e.g. to undo per-layer state). */
  reset?(): void;
}

/** Float activations: the decoded kernel as it is, the bias rounded to float16 (README "Float16 scales and biases"). */
export const float16Storage = (model: string): StoredWeights => ({
  weights: (name, _source, bias) => ({ kernel: null, bias: bias && roundF16Array(bias, `model '${model}' layer '${name}' bias`) }),
});

/** Options of a ModelSession. */
export interface SessionOptions {
  /** How stored layers are evaluated (default: float16Storage). */
  stored?: StoredWeights;
  /**
   * The float model, when `model` is another (the fake-quant model of int8 activations): the float
   * predictions and the distillation targets come from it. The session disposes it.
   */
  reference?: tf.LayersModel;
}

/** Fraction of positions where `a` equals `b` (accuracy against labels, or agreement of two predictions); 0 when empty. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

/**
 * A live tfjs LayersModel of one IR model whose kernels and biases the pipeline swaps in and out
 * (decoded candidates, fine-tuned weights) without rebuilding the graph. Owns the model: call dispose().
 *
 * Stored layers (stored.ts): a layer whose kernel was last set to a decoded PQ/int8 kernel (an array the
 * encoders marked) is evaluated as it is stored, so predictClasses / accuracy see what ships: with float
 * activations its bias rounded to float16; with int8 activations (a fake-quant model and its
 * StoredWeights) its lowered int8 weights and int32 bias. The variables keep full precision (fine-tuning
 * moves them); the stored values are swapped in for the prediction only.
 */
export class ModelSession {
  readonly ir: ModelIR;
  readonly model: tf.LayersModel;
  /** The float model: `model` itself, or the reference given for a fake-quant session. */
  readonly reference: tf.LayersModel;
  private readonly stored: StoredWeights;
  private readonly layers = new Map<string, { ir: WeightLayer; tf: tf.layers.Layer }>();
  /** Layers evaluated as stored, with the decoded kernel they were last set to. */
  private decoded = new Map<string, Float32Array>();
  /** The stored layers of each snapshot, so restore() brings them back too. */
  private readonly snapFlags = new WeakMap<Float32Array[], Map<string, Float32Array>>();

  /** `model` must hold one tfjs layer per IR weight layer, with the same name and kernel shape. */
  constructor(ir: ModelIR, model: tf.LayersModel, opts: SessionOptions = {}) {
    this.ir = ir;
    this.model = model;
    this.reference = opts.reference ?? model;
    this.stored = opts.stored ?? float16Storage(ir.name);
    for (const l of ir.layers) {
      if (!isWeightLayer(l)) continue;
      const t = model.getLayer(l.name);
      const k = t.weights[0];
      if (!k || k.shape.join('x') !== l.kernel.shape.join('x')) {
        throw new Error(`model '${ir.name}': tfjs layer '${l.name}' kernel shape ${k?.shape.join('x')} does not match the IR ${l.kernel.shape.join('x')}`);
      }
      this.layers.set(l.name, { ir: l, tf: t });
    }
  }

  /** Names of the IR weight layers, in model order. */
  weightLayerNames(): string[] {
    return [...this.layers.keys()];
  }

  private entry(name: string): { ir: WeightLayer; tf: tf.layers.Layer } {
    const e = this.layers.get(name);
    if (!e) throw new Error(`model '${this.ir.name}' has no weight layer '${name}'`);
    return e;
  }

  /** The tf.Variable holding a layer's kernel (index 0) or bias (index 1). */
  variable(name: string, which: 'kernel' | 'bias'): tf.Variable | null {
    const w = this.entry(name).tf.weights[which === 'kernel' ? 0 : 1];
    return w ? (w.read() as tf.Variable) : null;
  }

  /** Replaces a layer's kernel (IR layout, row-major). */
  setKernel(name: string, data: Float32Array): void {
    const e = this.entry(name);
    if (data.length !== e.ir.kernel.shape.reduce((a, b) => a * b, 1)) {
      throw new Error(`setKernel '${name}': ${data.length} values for shape ${e.ir.kernel.shape.join('x')}`);
    }
    const t = tf.tensor(data, e.ir.kernel.shape);
    this.variable(name, 'kernel')!.assign(t);
    t.dispose();
    if (decodedSource(data)) this.decoded.set(name, data);
    else this.decoded.delete(name);
  }

  /** True when the layer is evaluated as stored (its kernel is a decoded PQ/int8 one): float16 bias, or int8. */
  hasF16Bias(name: string): boolean {
    return this.decoded.has(name);
  }

  /** A copy of a layer's current kernel. */
  getKernel(name: string): Float32Array {
    return this.variable(name, 'kernel')!.dataSync() as Float32Array;
  }

  /**
   * Every trainable bias variable (fine-tuned in full precision; PQ/int8 layers are evaluated and
   * stored with them rounded to float16, see the class comment).
   */
  biasVariables(): tf.Variable[] {
    const out: tf.Variable[] = [];
    for (const name of this.layers.keys()) {
      const b = this.variable(name, 'bias');
      if (b) out.push(b);
    }
    return out;
  }

  /** Snapshot of all weights of the tfjs model (kernels, biases, BN), for restoring a best state. */
  snapshot(): Float32Array[] {
    const snap = this.model.getWeights().map((w) => w.dataSync() as Float32Array);
    this.snapFlags.set(snap, new Map(this.decoded));
    return snap;
  }

  /** Restores a snapshot taken by snapshot(). */
  restore(snap: Float32Array[]): void {
    const ws = this.model.weights;
    if (ws.length !== snap.length) throw new Error('restore: snapshot does not belong to this model');
    ws.forEach((w, i) => {
      const t = tf.tensor(snap[i], w.shape as number[]);
      (w.read() as tf.Variable).assign(t);
      t.dispose();
    });
    const flags = this.snapFlags.get(snap);
    if (flags) this.decoded = new Map(flags);
  }

  /**
   * Swaps the stored values (StoredWeights) into the variables of the stored layers; returns the
   * full-precision values to put back.
   */
  private swapStored(): { v: tf.Variable; full: tf.Tensor }[] {
    const saved: { v: tf.Variable; full: tf.Tensor }[] = [];
    this.stored.reset?.();
    const put = (v: tf.Variable, full: Float32Array, r: Float32Array) => {
      let same = r.length === full.length;
      for (let i = 0; i < r.length && same; i++) same = r[i] === full[i];
      if (same) return;
      saved.push({ v, full: tf.tensor(full, v.shape) });
      const t = tf.tensor(r, v.shape);
      v.assign(t);
      t.dispose();
    };
    for (const [name, kernel] of this.decoded) {
      const bv = this.variable(name, 'bias');
      const full = bv ? (bv.dataSync() as Float32Array) : null;
      const w = this.stored.weights(name, decodedSource(kernel)!, full);
      if (w.kernel) { const kv = this.variable(name, 'kernel')!; put(kv, kv.dataSync() as Float32Array, w.kernel); }
      if (bv && full && w.bias) put(bv, full, w.bias);
    }
    return saved;
  }

  /** Predicted class of every row of `x`, in batches (stored layers as stored). */
  predictClasses(x: Float32Array, n: number, batchSize = 256): Int32Array {
    return this.classesOf(this.model, x, n, batchSize, true);
  }

  /**
   * The float model's classes: the reference model's of a fake-quant session, else this model's with its
   * current weights as they are (call it before any compressed kernel is set).
   */
  floatClasses(x: Float32Array, n: number, batchSize = 256): Int32Array {
    return this.classesOf(this.reference, x, n, batchSize, this.reference === this.model);
  }

  private classesOf(model: tf.LayersModel, x: Float32Array, n: number, batchSize: number, stored: boolean): Int32Array {
    const rowLen = this.ir.inputShape.reduce((a, b) => a * b, 1);
    if (x.length !== n * rowLen) throw new Error(`predict: ${x.length} values are not ${n} rows of ${rowLen}`);
    const out = new Int32Array(n);
    const saved = stored ? this.swapStored() : [];
    try {
      for (let s = 0; s < n; s += batchSize) {
        const b = Math.min(batchSize, n - s);
        const cls = tf.tidy(() => {
          const xb = tf.tensor(x.subarray(s * rowLen, (s + b) * rowLen), [b, ...this.ir.inputShape]);
          return (model.predict(xb) as tf.Tensor).argMax(-1);
        });
        out.set(cls.dataSync() as Int32Array, s);
        cls.dispose();
      }
    } finally {
      for (const { v, full } of saved) { v.assign(full); full.dispose(); }
      if (stored) this.stored.reset?.();
    }
    return out;
  }

  /** Fraction of rows whose predicted class equals the label. */
  accuracy(split: Split, batchSize = 256): number {
    if (split.n === 0) return 0;
    return agreement(this.predictClasses(split.x, split.n, batchSize), split.y);
  }

  dispose(): void {
    this.model.dispose();
    if (this.reference !== this.model) this.reference.dispose();
  }
}
