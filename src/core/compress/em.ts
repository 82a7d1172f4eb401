import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import { createRng } from '../util/random';
import { fineTune } from './finetune';
import { shadowFineTune } from './shadow';
import { ensureTeacher } from './teacher';
import type { LayerState, ModelState } from './state';
import { encodeAs, meanSquaredDiff, selectionScore } from './state';
import type { CodebookGroup, Normalization, RecoveryConfig } from './types';

/** What the EM recovery of one model needs besides its state. */
export interface EmOptions {
  /** Layer to take in the first round instead of the heuristic's choice (the auto-plan's promoted layer). */
  first?: LayerState;
  codebooks: CodebookGroup[];
  normalization: Normalization;
  recovery: RecoveryConfig;
  /** Stop once the selection accuracy reaches this (float accuracy - budget). */
  target: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
}

/**
 * The next layer to recover: among compressed layers not recovered yet, the one whose stored kernel
 * differs most from its float kernel per parameter (mean squared difference); when every compressed layer
 * has had its round, the largest difference among all of them again. Null when nothing is compressed.
 */
export function pickLayer(layers: LayerState[]): LayerState | null {
  const by = (pool: LayerState[]) => {
    let best: LayerState | null = null;
    let bestDiff = -1;
    for (const l of pool) {
      const diff = meanSquaredDiff(l.float, l.cur.decoded);
      if (diff > bestDiff) { bestDiff = diff; best = l; }
    }
    return best;
  };
  const compressed = layers.filter((l) => l.cur.enc.format !== 'float32');
  return by(compressed.filter((l) => !l.recovered)) ?? by(compressed);
}

/** A seeded permutation of 0..n-1. */
export function seededOrder(n: number, seed: number): Uint32Array {
  const rnd = createRng(seed);
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = p[i]; p[i] = p[j]; p[j] = t;
  }
  return p;
}

/**
 * The paper's network optimization for one model, with the codebooks fixed. Each round picks the layer
 * with the largest weight difference per parameter and runs EM on it with every bias (biases stay
 * float32 anyway), all other layers at their stored values, on the training split:
 * - `mStep: 'float'` (the paper's wording): M-step = load the layer's float kernel and fine-tune it in
 *   full precision; E-step = re-encode it once (PQ: re-assign to the fixed codebook);
 * - `mStep: 'shadow'` (default): full-precision shadows of the layers chosen so far (this round's and
 *   the kept earlier ones) are trained together with the gradient at their stored weights, and
 *   re-assigned after every batch, so they learn to land on better codewords.
 * A round is kept only when the selection accuracy improves; otherwise the model goes back to the best
 * state seen. Stops at the target accuracy or after `maxLayers` rounds. Never leaves the model worse
 * than it came in. Mutates `st` (session weights, layer encodings, valNow).
 */
export async function recoverModel(st: ModelState, split: 'val' | 'test', opt: EmOptions): Promise<void> {
  const train = st.input.train;
  const r = opt.recovery;
  if (!train || train.n === 0) throw new Error(`model '${st.input.ir.name}': recovery needs its training split; load the task's train data or disable recovery`);
  const sel = split === 'test' ? st.input.test : st.input.val;
  const order = seededOrder(train.n, opt.seed);
  const save = (acc: number) => ({ acc, valAcc: st.valAcc, snap: st.session.snapshot(), cur: st.layers.map((l) => l.cur), tuned: st.layers.map((l) => l.tuned) });
  let best = save(st.valNow);
  const chosen: LayerState[] = [];
  for (let round = 0; round < r.maxLayers && best.acc < opt.target; round++) {
    await throwIfCancelled(opt.shouldCancel);
    const L = round === 0 && opt.first ? opt.first : pickLayer(st.layers);
    if (!L) break;
    const name = L.layer.name;
    const report = (f: number, msg: string) => opt.onProgress?.({ fraction: (round + f) / r.maxLayers, phase: 'recovery', message: `${st.input.ir.name}/${name}: ${msg}` });
    const rows = r.maxTrainSamples > 0 ? Math.min(r.maxTrainSamples, train.n) : train.n;
    const fit = {
      epochs: r.epochs, batchSize: r.batchSize, learningRate: r.learningRate, maxSamples: r.maxTrainSamples,
      order, shouldCancel: opt.shouldCancel, onBatch: (f: number) => report(0.9 * f, 'fine-tuning'),
      teacher: r.distill ? ensureTeacher(st, order.subarray(0, rows)) : undefined,
    };
    const encode = (l: LayerState, w: Float32Array) => {
      l.cur = encodeAs(l.cur.enc.format, l.layer, w, l.route.group, opt.codebooks, opt.normalization);
      return l.cur.decoded;
    };
    if (!chosen.includes(L)) chosen.push(L);
    if (r.mStep === 'shadow') {
      // M-step on full-precision shadows of the chosen layers, E-step (re-assignment) after every batch
      const shadows = chosen.map((l) => (l.tuned ?? l.float).slice());
      const biases = st.session.biasVariables().map((v) => ({ variable: v, values: v.dataSync().slice() as Float32Array }));
      await shadowFineTune(st.session, [
        ...chosen.map((l, i) => ({ variable: st.session.variable(l.layer.name, 'kernel')!, values: shadows[i], project: (w: Float32Array) => encode(l, w) })),
        ...biases,
      ], train, fit);
      // the variables hold the last projections: set them as the session's kernels, so it evaluates them as stored
      chosen.forEach((l, i) => { l.tuned = shadows[i]; st.session.setKernel(l.layer.name, l.cur.decoded); });
    } else {
      // M-step: the chosen layer in full precision, fine-tuned together with the biases
      st.session.setKernel(name, L.tuned ?? L.float);
      const kernelVar = st.session.variable(name, 'kernel');
      if (!kernelVar) throw new Error(`recovery: layer '${name}' has no kernel variable`);
      await fineTune(st.session, [kernelVar, ...st.session.biasVariables()], train, fit);
      // E-step: re-assign the fine-tuned kernel to the fixed codebook (or re-quantize it)
      L.tuned = st.session.getKernel(name);
      st.session.setKernel(name, encode(L, L.tuned));
    }
    L.recovered = true;
    const acc = selectionScore(st, sel);
    const accepted = acc > best.acc;
    st.recovery.push({ layer: name, accuracy: acc, accepted });
    report(1, `accuracy ${(st.valAcc * 100).toFixed(2)} %, score ${(acc * 100).toFixed(2)} (${accepted ? 'kept' : 'reverted'})`);
    if (accepted) {
      best = save(acc);
    } else {
      st.session.restore(best.snap);
      st.valAcc = best.valAcc;
      st.layers.forEach((l, i) => { l.cur = best.cur[i]; l.tuned = best.tuned[i]; });
      chosen.splice(chosen.indexOf(L), 1);
    }
  }
  st.valNow = best.acc;
}
