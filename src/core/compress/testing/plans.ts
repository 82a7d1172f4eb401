import { presetPlan } from '../presets';
import type { Plan } from '../types';

/** A lossy PQ plan for the tiny models: K = 2 codewords (1-bit indices); float activations unless asked (int8.test.ts). */
export function lossy(preset: 'pq-shared' | 'pq-shared-recovery' | 'yono', activations: Plan['activations'] = 'float32'): Plan {
  const p = { ...presetPlan(preset), activations };
  p.groups = { default: { d: 4, k: 2 }, spatial: { d: 9, k: 2 }, pointwise: { d: 16, k: 2 } };
  p.keep.minParams = 0;
  p.recovery = { ...p.recovery, epochs: 2, batchSize: 32, learningRate: 0.01, maxTrainSamples: 512, maxLayers: 3 };
  return p;
}
