import * as tf from '@tensorflow/tfjs';
import { forEachBatch } from '../../data/batches';
import type { FineTuneOptions } from './finetune';
import { batchLoss, teacherBatch } from './finetune';
import { outputIsSoftmax } from '../evaluate/output';
import type { ModelSession } from '../evaluate/session';
import type { Split } from '../../data/types';

/**
 * A parameter trained in full precision through a shadow copy: the model's variable holds what is
 * stored (e.g. the decoded PQ kernel); `values` is the float shadow the optimizer moves; `project`
 * (the E-step) maps the shadow to what is stored, e.g. by re-assigning it to the fixed codebook.
 * Without `project` the variable takes the shadow as is (biases, which stay float32).
 */
export interface ShadowParam {
  variable: tf.Variable;
  /** Float shadow, same shape as the variable, row-major. */
  values: Float32Array;
  project?: (shadow: Float32Array) => Float32Array;
}

/**
 * EM fine-tuning with shadow weights: per batch, M-step = one Adam step on every shadow with the
 * gradient of the loss at the stored (projected) weights, E-step = project every shadow again (PQ:
 * nearest codeword with the fixed codebook) and load it. The gradient at the stored point passes straight
 * through to the shadow, so the shadows learn to land on better codewords. Returns the last epoch's mean loss.
 */
export async function shadowFineTune(session: ModelSession, params: ShadowParam[], split: Split, opt: FineTuneOptions): Promise<number> {
  if (params.length === 0 || opt.epochs === 0 || split.n === 0) return NaN;
  const ir = session.ir;
  const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
  const rows = opt.maxSamples > 0 ? Math.min(opt.maxSamples, split.n) : split.n;
  if (opt.order.length < rows) throw new Error(`shadowFineTune: order has ${opt.order.length} rows, need ${rows}`);
  const softmaxed = outputIsSoftmax(ir);
  const adam = params.map((p) => ({ m: new Float32Array(p.values.length), v: new Float32Array(p.values.length) }));
  const vars = params.map((p) => p.variable);
  const tb = opt.teacher ? new Float32Array(opt.batchSize * opt.teacher.classes) : null;
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  let step = 0;
  let lastLoss = NaN;
  for (let e = 0; e < opt.epochs; e++) {
    let sum = 0;
    await forEachBatch(split, rowLen, rows, (j) => opt.order[(j + e * 7919) % rows], opt.batchSize, (b) => {
      const { value, grads } = tf.tidy(() => {
        const x = tf.tensor(b.x, [b.m, ...ir.inputShape]);
        const y = tf.tensor1d(b.y, 'int32');
        const soft = opt.teacher && tb ? tf.tensor2d(teacherBatch(opt.teacher, b.rows, b.m, tb), [b.m, opt.teacher.classes]) : null;
        const r = tf.variableGrads(() => batchLoss(session.model.apply(x, { training: false }) as tf.Tensor, y, softmaxed, soft), vars);
        return { value: r.value, grads: vars.map((v) => r.grads[v.name]) };
      });
      sum += value.dataSync()[0] * b.m;
      step++;
      const c1 = 1 - b1 ** step, c2 = 1 - b2 ** step;
      params.forEach((p, i) => {
        const g = grads[i].dataSync() as Float32Array;
        const { m: mo, v: ve } = adam[i];
        const w = p.values;
        for (let j = 0; j < w.length; j++) {
          mo[j] = b1 * mo[j] + (1 - b1) * g[j];
          ve[j] = b2 * ve[j] + (1 - b2) * g[j] * g[j];
          w[j] -= (opt.learningRate * (mo[j] / c1)) / (Math.sqrt(ve[j] / c2) + eps);
        }
        const stored = p.project ? p.project(w) : w;
        const t = tf.tensor(stored, p.variable.shape);
        p.variable.assign(t);
        t.dispose();
      });
      tf.dispose([value, ...grads]);
      opt.onBatch?.((e * b.count + b.index + 1) / (opt.epochs * b.count));
    }, opt.shouldCancel);
    lastLoss = sum / rows;
  }
  return lastLoss;
}
