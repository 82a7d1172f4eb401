import * as tf from '@tensorflow/tfjs';
import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import { decodeFromAssignments } from './encode';
import { markDecoded } from './stored';
import { crossEntropy, outputIsSoftmax } from './finetune';
import { applyScales } from './normalize';
import { toSubvectors } from '../pq/layout';
import { unpackIndices } from '../pq/pack';
import type { LayerState, ModelState } from './state';
import { selectionScore, selectionSplit } from './state';
import { deriveSeed } from './codebooks';
import { seededOrder } from './em';
import { storedCodebook } from './activations';
import type { CodebookGroup, Plan } from './types';

interface PQLayer { st: ModelState; l: LayerState; cb: CodebookGroup; a: Uint16Array; v: tf.Variable }

function pqLayers(states: ModelState[], codebooks: CodebookGroup[]): PQLayer[] {
  const out: PQLayer[] = [];
  for (const st of states) {
    for (const l of st.layers) {
      const e = l.cur.enc;
      if (e.format !== 'pq') continue;
      const cb = codebooks.find((c) => c.name === e.group)!;
      out.push({ st, l, cb, a: unpackIndices(e.indices, e.bits, e.layout.count), v: st.session.variable(l.layer.name, 'kernel')! });
    }
  }
  return out;
}

/** Adds dL/dc for every codeword: the layer's kernel gradient cut into subvectors, times its scales. */
function accumulate(p: PQLayer, grad: Float32Array, gsum: Float64Array, count: Float64Array): void {
  const e = p.l.cur.enc;
  if (e.format !== 'pq') return;
  const g = toSubvectors(grad, e.layout);
  applyScales(g, e.layout, e.scales, true); // w = c * s  =>  dL/dc = s * dL/dw
  const d = p.cb.d;
  for (let i = 0; i < e.layout.count; i++) {
    const j = p.a[i];
    count[j]++;
    for (let t = 0; t < d; t++) gsum[j * d + t] += g[i * d + t];
  }
}

/**
 * Optional codeword fine-tuning, jointly over all models (a codebook is shared, so every model that
 * uses it pulls on it): with assignments fixed, each codeword moves by the mean gradient of the
 * subvectors assigned to it (Adam on that mean), the decoded kernels follow. One pass over each
 * model's training subset per epoch. The codebooks are kept only if no model's selection accuracy
 * drops; otherwise they and every decoded kernel are restored. Trades codebook generality for accuracy.
 */
export async function tuneCodewords(
  states: ModelState[], codebooks: CodebookGroup[], plan: Plan,
  opt: { onProgress?: ProgressFn; shouldCancel?: CancelCheck },
): Promise<boolean> {
  const layers = pqLayers(states, codebooks);
  if (layers.length === 0) return false;
  const r = plan.recovery;
  const saved = codebooks.map((c) => c.codebook.slice());
  const savedScales = codebooks.map((c) => c.scale);
  const before = states.map((s) => s.valNow);
  const adam = codebooks.map((c) => ({ m: new Float64Array(c.k * c.d), v: new Float64Array(c.k * c.d), t: 0 }));
  const orders = states.map((s) => s.input.train ? seededOrder(s.input.train.n, deriveSeed(plan.seed, `codewords/${s.input.ir.name}`)) : null);
  const steps = Math.max(...states.map((s) => Math.ceil(Math.min(r.maxTrainSamples || Infinity, s.input.train?.n ?? 0) / r.batchSize)));
  for (let e = 0; e < r.epochs; e++) {
    for (let b = 0; b < steps; b++) {
      await throwIfCancelled(opt.shouldCancel);
      const gsum = codebooks.map((c) => new Float64Array(c.k * c.d));
      const count = codebooks.map((c) => new Float64Array(c.k));
      states.forEach((st, si) => {
        const train = st.input.train;
        const mine = layers.filter((p) => p.st === st);
        const rows = Math.min(r.maxTrainSamples || Infinity, train?.n ?? 0);
        if (!train || mine.length === 0 || b * r.batchSize >= rows) return;
        const m = Math.min(r.batchSize, rows - b * r.batchSize);
        const rowLen = st.input.ir.inputShape.reduce((x, y) => x * y, 1);
        const xb = new Float32Array(m * rowLen);
        const yb = new Int32Array(m);
        for (let i = 0; i < m; i++) {
          const row = orders[si]![b * r.batchSize + i];
          xb.set(train.x.subarray(row * rowLen, (row + 1) * rowLen), i * rowLen);
          yb[i] = train.y[row];
        }
        const grads = tf.tidy(() => {
          const x = tf.tensor(xb, [m, ...st.input.ir.inputShape]);
          const y = tf.tensor1d(yb, 'int32');
          const sm = outputIsSoftmax(st.input.ir);
          const { grads: g } = tf.variableGrads(() => crossEntropy(st.session.model.apply(x, { training: false }) as tf.Tensor, y, sm), mine.map((p) => p.v));
          return mine.map((p) => g[p.v.name]);
        });
        mine.forEach((p, i) => {
          const ci = codebooks.indexOf(p.cb);
          accumulate(p, grads[i].dataSync() as Float32Array, gsum[ci], count[ci]);
        });
        tf.dispose(grads);
      });
      codebooks.forEach((c, ci) => adamStep(c.codebook, gsum[ci], count[ci], c.d, adam[ci], r.learningRate));
      for (const p of layers) redecode(p);
      opt.onProgress?.({ fraction: (e * steps + b + 1) / (r.epochs * steps), phase: 'recovery', message: 'fine-tuning codewords' });
    }
  }
  // rounded as stored: judged with the rounded codewords (Adam steps ran on the unrounded ones)
  for (const c of codebooks) {
    const r = storedCodebook(c.codebook, c.name, plan.activations);
    c.codebook.set(r.codebook);
    if (r.scale !== undefined) c.scale = r.scale;
  }
  for (const p of layers) redecode(p);
  const beforeAcc = states.map((s) => s.valAcc);
  const after = states.map((s) => selectionScore(s, selectionSplit(s.input, plan.selectOn)));
  const ok = after.every((a, i) => a >= before[i]);
  if (ok) {
    states.forEach((s, i) => { s.valNow = after[i]; });
  } else {
    states.forEach((s, i) => { s.valAcc = beforeAcc[i]; });
    codebooks.forEach((c, i) => { c.codebook.set(saved[i]); if (savedScales[i] !== undefined) c.scale = savedScales[i]; });
    for (const p of layers) redecode(p);
  }
  return ok;
}

function redecode(p: PQLayer): void {
  const e = p.l.cur.enc;
  if (e.format !== 'pq') return;
  p.l.cur = { enc: e, decoded: markDecoded(decodeFromAssignments(p.a, p.cb, e.layout, e.scales), { enc: e, codebook: p.cb }) };
  p.st.session.setKernel(p.l.layer.name, p.l.cur.decoded);
}

/** One Adam step on the codewords that received gradient, with the mean gradient per codeword. */
function adamStep(c: Float32Array, gsum: Float64Array, count: Float64Array, d: number, s: { m: Float64Array; v: Float64Array; t: number }, lr: number): void {
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  s.t++;
  const c1 = 1 - b1 ** s.t, c2 = 1 - b2 ** s.t;
  for (let j = 0; j < count.length; j++) {
    if (count[j] === 0) continue;
    for (let t = 0; t < d; t++) {
      const i = j * d + t;
      const g = gsum[i] / count[j];
      s.m[i] = b1 * s.m[i] + (1 - b1) * g;
      s.v[i] = b2 * s.v[i] + (1 - b2) * g * g;
      c[i] -= (lr * (s.m[i] / c1)) / (Math.sqrt(s.v[i] / c2) + eps);
    }
  }
}
