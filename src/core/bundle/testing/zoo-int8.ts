import { calibrate } from '../../quant/calibrate';
import { int8Codebook } from '../../quant/codebook';
import type { CompressionResult } from '../../compress/types';
import type { ModelIR } from '../../models/ir';
import type { BundleSamples } from '../write';
import type { LayerFormat, Normalization } from '../../compress/types';
import { DEFAULT_CYCLE, zooModels, zooResult, zooSamples } from './zoo';

/** The zoo's formats without float32 layers (what the int8 C export runs). */
export const INTEGER_CYCLE: [LayerFormat, Normalization][] = DEFAULT_CYCLE.filter(([f]) => f !== 'float32');

/**
 * The zoo (zoo.ts: every layer kind, PQ with and without normalisation, int8 and float32 layers) as a result
 * made with int8 activations (tests only): codebooks rounded to int8 with one scale, each model calibrated on
 * seeded samples (needs tfjs set up), and those samples to store in a bundle. `cycle`: the layers' formats in turn.
 */
export function zooInt8Result(seed = 5, cycle = DEFAULT_CYCLE): { result: CompressionResult; samples: Record<string, BundleSamples> } {
  const models = zooModels(seed);
  const samples: Record<string, BundleSamples> = {};
  models.forEach((m, i) => { samples[m.name] = zooSamples(m, 300, 11 + i); });
  return { result: asInt8Result(zooResult(models, 7, cycle), models, samples), samples };
}

/**
 * A float result made without the pipeline (zooResult) as int8 activations would store it (tests only):
 * its codebooks rounded to int8 with one scale, each model calibrated (200 rows of `data`, seed 3) on the
 * float model `models[i]`. Changes `result` in place and returns it.
 */
export function asInt8Result(result: CompressionResult, models: ModelIR[], data: Record<string, BundleSamples>): CompressionResult {
  result.codebooks = result.codebooks.map((c) => {
    const q = int8Codebook(c.codebook);
    return { ...c, codebook: q.values, scale: q.scale };
  });
  result.plan = { ...result.plan, activations: 'int8' };
  result.models.forEach((m, i) => {
    const s = data[m.name];
    m.calibration = calibrate(models[i], { x: s.x, y: Uint8Array.from(s.y), n: s.n }, { samples: 200, seed: 3 });
  });
  return result;
}
