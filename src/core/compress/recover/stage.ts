/**
 * The recovery stage of one model, on the layers its allocation chose (codebooks fixed):
 * - `layers`: the paper's EM rounds (em.ts) while the model is below its target on the selection split;
 * - `biases`: distillation of the biases only (the float model's outputs on training rows as targets,
 *   full-precision shadows, the gradient at the stored weights), kept only when the KL to the float model on
 *   the validation inputs falls — the codeword assignment (e.g. GPTQ's) stays as it is.
 * Works on a session that holds the model as stored; returns the new encodings and biases.
 */
import type { WeightLayer } from '../../models/ir';
import { deriveSeed } from '../../util/random';
import type { ModelSession } from '../evaluate/session';
import type { CompressInput } from '../input/types';
import type { CodebookGroup, LayerEncoding, Plan, RecoveryStep } from '../types';
import { recoverModel, seededOrder } from './em';
import { shadowFineTune } from './shadow';
import type { LayerState, ModelState } from './state';
import { ensureTeacher } from './teacher';

/** What the recovery changed. */
export interface Recovered {
  encodings: Record<string, LayerEncoding>;
  biases: Record<string, Float32Array | null>;
  steps: RecoveryStep[];
}

/** The recovery's working state over a session holding the stored model. */
function recoveryState(input: CompressInput, plan: Plan, session: ModelSession, floatSnapshot: Float32Array[], layers: readonly WeightLayer[],
  stored: { encodings: Record<string, LayerEncoding>; decoded: Record<string, Float32Array> }, codebooks: readonly CodebookGroup[], selPred: Int32Array, valAcc: number): ModelState {
  const ls: LayerState[] = layers.map((l) => {
    const enc = stored.encodings[l.name];
    return {
      layer: l, codebook: enc.format === 'pq' ? codebooks.find((c) => c.name === enc.group)! : null, float: l.kernel.data,
      tuned: null, cur: { enc, decoded: stored.decoded[l.name] }, recovered: false,
    };
  });
  return {
    input, session, floatSnapshot, layers: ls, assign: { normalization: plan.normalization, scaleCoding: plan.scaleCoding, stats: null },
    selPred, valAcc, valNow: valAcc, recovery: [], teacher: null,
  };
}

/** The current encodings and biases of a state. */
function snapshotOf(st: ModelState, layers: readonly WeightLayer[]): Omit<Recovered, 'steps'> {
  const encodings: Record<string, LayerEncoding> = {};
  const biases: Record<string, Float32Array | null> = {};
  for (const l of st.layers) encodings[l.layer.name] = l.cur.enc;
  for (const l of layers) biases[l.name] = st.session.getBias(l.name);
  return { encodings, biases };
}

/**
 * The paper's EM recovery (`layers`) of one model whose session holds its stored weights, while its
 * selection accuracy (`valAcc`) is below float − budget.
 */
export async function recoverLayers(input: CompressInput, plan: Plan, session: ModelSession, floatSnapshot: Float32Array[], layers: readonly WeightLayer[],
  stored: { encodings: Record<string, LayerEncoding>; decoded: Record<string, Float32Array> }, codebooks: readonly CodebookGroup[],
  sel: { pred: Int32Array; floatAccuracy: number; accuracy: number }): Promise<Recovered> {
  const st = recoveryState(input, plan, session, floatSnapshot, layers, stored, codebooks, sel.pred, sel.accuracy);
  const target = sel.floatAccuracy - Math.max(0, plan.budgetPp - plan.selectionMarginPp) / 100;
  if (st.valNow < target) {
    await recoverModel(st, plan.selectOn, { recovery: plan.recovery, target, seed: deriveSeed(plan.seed, `recovery/${input.ir.name}`) });
  }
  return { ...snapshotOf(st, layers), steps: st.recovery };
}

/**
 * Distils the biases of a stored model (see the file comment): one shadow fine-tuning of every bias on the
 * training rows towards the float model's outputs. `klVal` measures the session's current model on the
 * validation inputs; the new biases are kept only when it falls. Returns null when they are not kept.
 */
export async function distilBiases(input: CompressInput, plan: Plan, session: ModelSession, floatSnapshot: Float32Array[], layers: readonly WeightLayer[],
  stored: { encodings: Record<string, LayerEncoding>; decoded: Record<string, Float32Array> }, codebooks: readonly CodebookGroup[],
  klBefore: number, klVal: () => number): Promise<{ recovered: Recovered; kl: number } | null> {
  const train = input.train;
  if (!train || train.n === 0) return null;
  const st = recoveryState(input, plan, session, floatSnapshot, layers, stored, codebooks, new Int32Array(0), 0);
  const r = plan.recovery;
  const order = seededOrder(train.n, deriveSeed(plan.seed, `biases/${input.ir.name}`));
  const rows = r.maxTrainSamples > 0 ? Math.min(r.maxTrainSamples, train.n) : train.n;
  const teacher = ensureTeacher(st, order.subarray(0, rows));
  const before = session.snapshot();
  const biases = session.biasVariables().map((v) => ({ variable: v, values: v.dataSync().slice() as Float32Array }));
  if (biases.length === 0) return null;
  await shadowFineTune(session, biases, train, {
    epochs: r.epochs, batchSize: r.batchSize, learningRate: r.learningRate, maxSamples: r.maxTrainSamples, order, teacher,
  });
  const kl = klVal();
  if (!(kl < klBefore)) { session.restore(before); return null; }
  return { recovered: { ...snapshotOf(st, layers), steps: [] }, kl };
}
