/**
 * Stage `prepare` (per model): the float model's outputs on the validation and test splits (one pass each:
 * the references of every KL, agreement and drop), the calibration rows, with int8 activations the model's
 * int8 calibration (evaluate/activations.ts), and — for data-aware plans — the
 * input statistics of every layer a codebook may hold. A pure function of one model's input and the plan.
 */
import type { ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { toLayersModel } from '../../models/toLayersModel';
import { deriveSeed } from '../../util/random';
import type { Split } from '../../data/types';
import { ModelSession, agreement } from '../evaluate/session';
import { argmaxRows } from '../evaluate/kl';
import { outputIsSoftmax } from '../evaluate/output';
import type { CompressInput } from '../input/types';
import type { Plan } from '../types';
import type { Calibration } from '../../quant/calibrate';
import { calibrateModel } from '../evaluate/activations';
import { calibrationRows, capture, gatherRows } from './capture';
import { LayerRunner, disposeCache } from './forward';
import type { InputStats } from './stats';
import { inputStats } from './stats';

/** Sampled positions (receptive fields) per layer for the input statistics. */
export const STATS_ROWS = 4096;

/** The float model's outputs on one split. Plain data. */
export interface FloatOutputs {
  /** (n × classes) output probabilities. */
  probs: Float32Array;
  /** Predicted classes. */
  pred: Int32Array;
  /** Accuracy against the labels, [0, 1]. */
  accuracy: number;
}

/** What stage `prepare` gives for one model. Plain data. */
export interface PreparedModel {
  model: string;
  classes: number;
  val: FloatOutputs;
  test: FloatOutputs;
  /** Training rows of the calibration (sorted; empty without a training split). */
  calibration: Uint32Array;
  /** Input statistics of the layers asked for, by layer name. */
  stats: Record<string, InputStats>;
  /** Int8 activations: every tensor's (scale, zero point), from training rows; null for float activations. */
  int8: Calibration | null;
}

/** The float outputs of a session on a split. */
export function floatOutputs(session: ModelSession, split: Split): FloatOutputs {
  const probs = session.predictProbs(split.x, split.n);
  const pred = argmaxRows(probs, session.classes);
  return { probs, pred, accuracy: agreement(pred, split.y) };
}

/** The calibration rows of a model under a plan (empty without training data). */
export function planCalibrationRows(input: CompressInput, plan: Plan): Uint32Array {
  const train = input.train;
  if (!train || train.n === 0) return new Uint32Array(0);
  return calibrationRows(train.n, plan.calibrationRows, deriveSeed(plan.seed, `calibration/${input.ir.name}`));
}

/** The weight layers of an IR by name. */
export const weightLayers = (ir: ModelIR): WeightLayer[] => ir.layers.filter(isWeightLayer);

/**
 * Stage `prepare` of one model (see the file comment); `statsFor` names the layers that need input
 * statistics (none for plain plans). Throws when statistics are asked for and the model has no training rows.
 */
export function prepareModel(input: CompressInput, plan: Plan, statsFor: readonly string[]): PreparedModel {
  const ir = input.ir;
  const model = toLayersModel(ir);
  const session = new ModelSession(ir, model);
  try {
    const val = floatOutputs(session, input.val);
    const test = floatOutputs(session, input.test);
    const calibration = planCalibrationRows(input, plan);
    const stats: Record<string, InputStats> = {};
    if (statsFor.length > 0) {
      if (calibration.length === 0) throw new Error(`model '${ir.name}': data-aware compression needs training rows for its calibration; give the model a training split`);
      const runner = new LayerRunner(ir, model);
      const layers = weightLayers(ir).filter((l) => statsFor.includes(l.name));
      const inputs = new Set(layers.map((l) => l.inputs[0]));
      const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
      const x = gatherRows(input.train!, rowLen, calibration);
      const { cache } = capture(runner, x, calibration.length, ir.inputShape, inputs, outputIsSoftmax(ir));
      try {
        const shapes = new Map(ir.layers.map((l) => [l.name, l.outputShape]));
        for (const l of layers) {
          const batches = cache.get(l.inputs[0])!;
          stats[l.name] = inputStats(l, batches.map((t) => t.dataSync() as Float32Array), batches.map((t) => t.shape[0]),
            shapes.get(l.inputs[0])!, STATS_ROWS, deriveSeed(plan.seed, `stats/${ir.name}/${l.name}`));
        }
      } finally {
        disposeCache(cache);
      }
    }
    return { model: ir.name, classes: session.classes, val, test, calibration, stats, int8: calibrateModel(input, plan.activations, plan.seed) };
  } finally {
    session.dispose();
  }
}
