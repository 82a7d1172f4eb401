import * as tf from '@tensorflow/tfjs';
import type { Teacher } from './finetune';
import { outputIsSoftmax } from './finetune';
import type { ModelState } from './state';

/**
 * The float model's output probabilities on training rows `rows` (knowledge-distillation targets),
 * computed once per model with its original weights and cached on the state; a later call with rows
 * the cache lacks extends it. The session's current weights are restored afterwards.
 */
export function ensureTeacher(st: ModelState, rows: ArrayLike<number>, batchSize = 256): Teacher {
  const train = st.input.train;
  if (!train) throw new Error(`model '${st.input.ir.name}': distillation needs its training split`);
  const missing: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!st.teacher || st.teacher.slot[rows[i]] < 0) missing.push(rows[i]);
  if (st.teacher && missing.length === 0) return st.teacher;
  const ir = st.input.ir;
  const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
  const classes = st.session.model.outputs[0].shape[st.session.model.outputs[0].shape.length - 1] as number;
  const old = st.teacher;
  const base = old ? old.probs.length / classes : 0;
  const slot = old ? old.slot : new Int32Array(train.n).fill(-1);
  const probs = new Float32Array((base + missing.length) * classes);
  if (old) probs.set(old.probs);
  // the float model: the reference of a fake-quant session (its weights never change), else the session's
  // model with its float weights restored for the while
  const ref = st.session.reference;
  const own = ref === st.session.model;
  const now = own ? st.session.snapshot() : null;
  if (own) st.session.restore(st.floatSnapshot);
  try {
    const softmaxed = outputIsSoftmax(ir);
    const xb = new Float32Array(batchSize * rowLen);
    for (let s = 0; s < missing.length; s += batchSize) {
      const m = Math.min(batchSize, missing.length - s);
      for (let i = 0; i < m; i++) xb.set(train.x.subarray(missing[s + i] * rowLen, (missing[s + i] + 1) * rowLen), i * rowLen);
      const p = tf.tidy(() => {
        const out = ref.predict(tf.tensor(xb.subarray(0, m * rowLen), [m, ...ir.inputShape])) as tf.Tensor;
        return softmaxed ? out : tf.softmax(out);
      });
      probs.set(p.dataSync() as Float32Array, (base + s) * classes);
      p.dispose();
      for (let i = 0; i < m; i++) slot[missing[s + i]] = base + s + i;
    }
  } finally {
    if (now) st.session.restore(now);
  }
  st.teacher = { classes, slot, probs };
  return st.teacher;
}
