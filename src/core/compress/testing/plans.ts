/**
 * Test plans (imported by tests only) for the tiny models of tinyModels.ts: lossy enough that the
 * allocation, the recovery and the budget have something to do, small enough to run in a second or two.
 */
import { presetPlan } from '../plan/presets';
import type { PresetName } from '../plan/presets';
import type { Plan } from '../types';

/**
 * A lossy plan of a preset for the tiny models: small codebooks, every layer PQ-able, short recovery; float
 * activations unless asked (evaluate/activations.test.ts).
 */
export function tinyPlan(preset: PresetName, activations: Plan['activations'] = 'float32'): Plan {
  const p = { ...presetPlan(preset), activations };
  p.groups = { default: { d: 4, k: 2 }, spatial: { d: 9, k: 2 }, pointwise: { d: 16, k: 2 } };
  p.keep.minParams = 0;
  p.recovery = { ...p.recovery, epochs: 2, batchSize: 32, learningRate: 0.01, maxTrainSamples: 512, maxLayers: 3 };
  if (p.formats.length) p.formats = ['s9k4', 's3k8', 'p8k4', 'p4k16', 'a2k16'];
  p.calibrationRows = 128;
  return p;
}
