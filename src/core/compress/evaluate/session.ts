import * as tf from '@tensorflow/tfjs';
import type { ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { roundF16Array } from '../../util/f16';
import { isDecodedKernel } from '../encode/stored';
import { outputIsSoftmax } from './output';
import type { Split } from '../../data/types';

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
 * Float16 biases (stored.ts): a layer whose kernel was last set to a decoded PQ/int8 kernel (an array
 * the encoders marked) is stored with a float16 bias, so predictClasses / accuracy evaluate it with
 * its bias rounded to float16. The bias variable itself keeps full precision (fine-tuning moves it);
 * the rounded values are swapped in for the prediction only.
 */
export class ModelSession {
  readonly ir: ModelIR;
  readonly model: tf.LayersModel;
  private readonly layers = new Map<string, { ir: WeightLayer; tf: tf.layers.Layer }>();
  /** Layers evaluated with a float16 bias. */
  private f16Bias = new Set<string>();
  /** The float16-bias set of each snapshot, so restore() brings it back too. */
  private readonly snapFlags = new WeakMap<Float32Array[], Set<string>>();

  /** `model` must hold one tfjs layer per IR weight layer, with the same name and kernel shape. */
  constructor(ir: ModelIR, model: tf.LayersModel) {
    this.ir = ir;
    this.model = model;
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
    if (isDecodedKernel(data)) this.f16Bias.add(name);
    else this.f16Bias.delete(name);
  }

  /** Replaces a layer's bias (full precision; see the class comment for how it is evaluated). */
  setBias(name: string, data: Float32Array): void {
    const v = this.variable(name, 'bias');
    if (!v) throw new Error(`setBias '${name}': the layer has no bias`);
    if (data.length !== v.size) throw new Error(`setBias '${name}': ${data.length} values for ${v.size} units`);
    const t = tf.tensor(data, v.shape);
    v.assign(t);
    t.dispose();
  }

  /** A copy of a layer's current bias, or null when it has none. */
  getBias(name: string): Float32Array | null {
    const v = this.variable(name, 'bias');
    return v ? (v.dataSync() as Float32Array).slice() : null;
  }

  /** True when the layer is evaluated with its bias rounded to float16 (its kernel is a decoded PQ/int8 one). */
  hasF16Bias(name: string): boolean {
    return this.f16Bias.has(name);
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
    this.snapFlags.set(snap, new Set(this.f16Bias));
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
    if (flags) this.f16Bias = new Set(flags);
  }

  /**
   * Swaps the float16-rounded biases into the variables of the float16-bias layers; returns the
   * full-precision values to put back.
   */
  private roundBiases(): { v: tf.Variable; full: tf.Tensor }[] {
    const saved: { v: tf.Variable; full: tf.Tensor }[] = [];
    for (const name of this.f16Bias) {
      const v = this.variable(name, 'bias');
      if (!v) continue;
      const full = v.dataSync() as Float32Array;
      const r = roundF16Array(full, `model '${this.ir.name}' layer '${name}' bias`);
      let same = true;
      for (let i = 0; i < r.length && same; i++) same = r[i] === full[i];
      if (same) continue;
      saved.push({ v, full: tf.tensor(full, v.shape) });
      const t = tf.tensor(r, v.shape);
      v.assign(t);
      t.dispose();
    }
    return saved;
  }

  /** Runs the model on `x` in batches, `read` taking each batch's output; float16 biases swapped in. */
  private forEachOutput(x: Float32Array, n: number, batchSize: number, read: (out: tf.Tensor, start: number) => void): void {
    const rowLen = this.ir.inputShape.reduce((a, b) => a * b, 1);
    if (x.length !== n * rowLen) throw new Error(`predict: ${x.length} values are not ${n} rows of ${rowLen}`);
    const saved = this.roundBiases();
    try {
      for (let s = 0; s < n; s += batchSize) {
        const b = Math.min(batchSize, n - s);
        tf.tidy(() => {
          const xb = tf.tensor(x.subarray(s * rowLen, (s + b) * rowLen), [b, ...this.ir.inputShape]);
          read(this.model.predict(xb) as tf.Tensor, s);
        });
      }
    } finally {
      for (const { v, full } of saved) { v.assign(full); full.dispose(); }
    }
  }

  /** Predicted class of every row of `x`, in batches. */
  predictClasses(x: Float32Array, n: number, batchSize = 256): Int32Array {
    const out = new Int32Array(n);
    this.forEachOutput(x, n, batchSize, (y, s) => out.set(y.argMax(-1).dataSync() as Int32Array, s));
    return out;
  }

  /**
   * Output probabilities of every row of `x`, (n × classes): the model's output when it ends in softmax,
   * else the softmax of its output.
   */
  predictProbs(x: Float32Array, n: number, batchSize = 256): Float32Array {
    const classes = this.classes;
    const out = new Float32Array(n * classes);
    const soft = outputIsSoftmax(this.ir);
    this.forEachOutput(x, n, batchSize, (y, s) => out.set((soft ? y : tf.softmax(y)).dataSync() as Float32Array, s * classes));
    return out;
  }

  /** Classes of the model's output (its last axis). */
  get classes(): number {
    const shape = this.model.outputs[0].shape;
    return shape[shape.length - 1] as number;
  }

  /** Fraction of rows whose predicted class equals the label. */
  accuracy(split: Split, batchSize = 256): number {
    if (split.n === 0) return 0;
    return agreement(this.predictClasses(split.x, split.n, batchSize), split.y);
  }

  dispose(): void {
    this.model.dispose();
  }
}
