/**
 * The pipeline's arithmetic (plan.activations, README "Int8 activations"): with `int8`, each model is
 * calibrated once (quant/calibrate.ts, on a seeded subset of its training split), its session evaluates the
 * fake-quant model (quant/fake-quant.ts) with every stored layer lowered to its int8 weights and int32 bias,
 * and codebooks are int8 with one scale; with `float32`, the float model and float16 codebooks.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../models/ir';
import { calibrate, type Calibration } from '../quant/calibrate';
import { int8Codebook } from '../quant/codebook';
import { FakeQuantModel } from '../quant/fake-quant';
import { roundF16Array } from '../util/f16';
import { deriveSeed } from '../util/random';
import { ModelSession, type StoredWeights } from './session';
import type { CompressInput } from './state';
import type { Activations, CodebookGroup } from './types';

/** Training rows the int8 activations are calibrated on (a seeded subset; all when fewer). */
export const CALIBRATION_SAMPLES = 1000;

/**
 * Each tensor's range is clipped at this two-sided percentile of its values on those rows (the lowest and
 * highest 0.001 % clipped). Measured on the built-in models' validation splits (docs/int8-runtime.md §1,
 * `npm run bench -- --only int8-calibration`): mean drop 0.19 pp against 0.29 pp for min/max, 0.30 pp for
 * 99.99 and 0.46 pp for 99.9 (all layers int8 per channel).
 */
export const CALIBRATION_PERCENTILE = 99.999;

/** The int8 StoredWeights of a fake-quant model: each stored layer lowered with the model's activation parameters. */
function int8Storage(fq: FakeQuantModel): StoredWeights {
  return {
    weights: (name, source, bias) => fq.stored(name, source.enc, source.codebook, bias) ?? { kernel: null, bias },
    reset: () => fq.clearStored(),
  };
}

/**
 * The session a plan measures a model with, and its calibration (null for float activations). Int8 needs
 * the training split (calibration never uses validation or test data).
 */
export function modelSession(input: CompressInput, activations: Activations, seed: number, buildModel: (ir: ModelIR) => tf.LayersModel): { session: ModelSession; calibration: Calibration | null } {
  const ir = input.ir;
  if (activations === 'float32') return { session: new ModelSession(ir, buildModel(ir)), calibration: null };
  if (!input.train || input.train.n === 0) {
    throw new Error(`model '${ir.name}': int8 activations are calibrated on training data and it has none; give its train split, or use float32 activations (--activations float32)`);
  }
  const calibration = calibrate(ir, input.train, { samples: CALIBRATION_SAMPLES, percentile: CALIBRATION_PERCENTILE, seed: deriveSeed(seed, `calibration/${ir.name}`) });
  const fq = new FakeQuantModel(ir, calibration.params);
  const session = new ModelSession(ir, fq.model, { stored: int8Storage(fq), reference: buildModel(ir) });
  return { session, calibration };
}

/**
 * A codebook's values as stored: int8 with one scale (int8 activations: `scale` is set) or float16. Every
 * later step (assignment, evaluation) encodes against and decodes from these values. `scale`: the scale of
 * values that are int8-rounded already (fixed codebooks), kept as it is (checked).
 */
export function storedCodebook(values: Float32Array, name: string, activations: Activations, scale?: number): Pick<CodebookGroup, 'codebook' | 'scale'> {
  if (activations === 'float32') return { codebook: roundF16Array(values, `codebook ${name}`) };
  const c = int8Codebook(values, scale);
  return { codebook: c.values, scale: c.scale };
}
