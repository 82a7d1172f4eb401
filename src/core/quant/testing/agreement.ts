/**
 * Fake-quant tfjs vs the reference int8 execution of a lowered model (tests and measurements): the int8
 * output tensor of both on the same samples, how many int8 values and classes differ.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { quantizeValue } from '../affine';
import type { LayerEncoding, LoweringCodebook } from '../encoding';
import { runLowered } from '../execute';
import { FakeQuantModel } from '../fake-quant';
import type { LoweredModel } from '../lowered';

/** The fake-quant model of a stored model with its stored weights loaded (and rounding like them); `probe` outputs its int8 output tensor (fake-quantised). */
export function storedFakeQuantModel(ir: ModelIR, encodings: Record<string, LayerEncoding>, codebooks: readonly LoweringCodebook[],
  lowered: LoweredModel): { model: tf.LayersModel; probe: tf.LayersModel } {
  const params = Object.fromEntries(Object.entries(lowered.tensors).map(([k, v]) => [k, v.params]));
  const fq = new FakeQuantModel(ir, params);
  const model = fq.model;
  for (const l of ir.layers) {
    if (!isWeightLayer(l)) continue;
    const enc = encodings[l.name];
    const cb = enc.format === 'pq' ? codebooks.find((c) => c.name === enc.group)! : null;
    const w = fq.stored(l.name, enc, cb, l.bias ? l.bias.data : null);
    if (!w) continue;
    const t = [tf.tensor(w.kernel, l.kernel.shape), ...(w.bias ? [tf.tensor(w.bias, [w.bias.length])] : [])];
    model.getLayer(l.name).setWeights(t);
    tf.dispose(t);
  }
  const out = model.getLayer(`${lowered.output}/fq`).output as tf.SymbolicTensor;
  return { model, probe: tf.model({ inputs: model.inputs, outputs: out }) };
}

/** How the fake-quant model and the reference execution agree on `n` samples. */
export interface Int8Agreement {
  samples: number;
  /** Samples whose argmax of the int8 outputs differs. */
  classDiffer: number;
  /** Int8 output values that differ, of `values`, and the largest difference. */
  valueDiffer: number;
  values: number;
  maxDiff: number;
  /** Argmax classes of both. */
  fqClasses: Int32Array;
  refClasses: Int32Array;
}

const argmax = (v: ArrayLike<number>, o: number, n: number): number => {
  let b = 0;
  for (let i = 1; i < n; i++) if (v[o + i] > v[o + b]) b = i;
  return b;
};

/** Runs both on the rows of `x` and compares their int8 outputs. */
export function compareFakeQuant(probe: tf.LayersModel, lowered: LoweredModel, x: Float32Array, n: number, inputShape: number[]): Int8Agreement {
  const rowLen = inputShape.reduce((a, b) => a * b, 1);
  const outP = lowered.tensors[lowered.output].params;
  const parts: Float32Array[] = [];
  for (let s = 0; s < n; s += 256) {
    const m = Math.min(256, n - s);
    parts.push(tf.tidy(() => (probe.predict(tf.tensor(x.subarray(s * rowLen, (s + m) * rowLen), [m, ...inputShape])) as tf.Tensor).dataSync() as Float32Array));
  }
  const fq = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((o, p) => { fq.set(p, o); return o + p.length; }, 0);
  const k = fq.length / n;
  const r: Int8Agreement = { samples: n, classDiffer: 0, valueDiffer: 0, values: n * k, maxDiff: 0, fqClasses: new Int32Array(n), refClasses: new Int32Array(n) };
  for (let s = 0; s < n; s++) {
    const ref = runLowered(lowered, x.subarray(s * rowLen, (s + 1) * rowLen));
    const q = Int8Array.from({ length: k }, (_, i) => quantizeValue(fq[s * k + i], outP));
    for (let i = 0; i < k; i++) {
      const dd = Math.abs(q[i] - ref[i]);
      if (dd) r.valueDiffer++;
      r.maxDiff = Math.max(r.maxDiff, dd);
    }
    r.fqClasses[s] = argmax(q, 0, k);
    r.refClasses[s] = argmax(ref, 0, k);
    if (r.fqClasses[s] !== r.refClasses[s]) r.classDiffer++;
  }
  return r;
}
