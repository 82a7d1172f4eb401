import { describe, expect, it } from 'vitest';
import { zooModels, zooResult, zooSamples } from '../../bundle/testing/zoo';
import { writeBundle } from '../../bundle/write';
import { readBundle } from '../../bundle/read';
import { createRuntime } from '../runtime/executor';
import { predictSamples, runSimulation } from './run';
import { DEVICE_IDS } from '../devices';

describe('runSimulation and predictSamples', () => {
  const models = zooModels();
  const result = zooResult(models);
  const samples = Object.fromEntries(models.map((m) => [m.name, zooSamples(m, 4)]));
  const bundle = readBundle(writeBundle(result, { samples }));

  it('simulates the three strategies from the runtime counts, with memory maps for every device', () => {
    const r = runSimulation(bundle, 'stm32f746', []);
    expect(r.strategies.map((s) => s.name)).toEqual(['external-storage', 'internal-flash', 'yono']);
    expect(Object.keys(r.memoryMaps).sort()).toEqual([...DEVICE_IDS].sort());
    const yono = r.strategies.find((s) => s.name === 'yono')!;
    expect(yono.events.length).toBeGreaterThan(0);
    expect(Object.keys(yono.inferenceMs).sort()).toEqual(models.map((m) => m.name).sort());
    expect(r.reduction.switchLatencyPct).toBeGreaterThan(0);
    expect(r.scenario.length).toBe(models.length);
  });

  it('predicts with the runtime, sample by sample as the runtime does', () => {
    const sets = models.map((m) => ({ model: m.name, modality: 'unknown', classNames: null, ...samples[m.name] }));
    const p = predictSamples(bundle, sets, 3, () => Date.now());
    expect(p).toHaveLength(models.length);
    for (const q of p) {
      expect(q.predicted).toHaveLength(3);
      const rt = createRuntime(bundle, q.model);
      const size = rt.program.inputSize;
      for (let i = 0; i < 3; i++) {
        const out = rt.run(q.x.slice(i * size, (i + 1) * size));
        let best = 0;
        for (let j = 1; j < out.length; j++) if (out[j] > out[best]) best = j;
        expect(q.predicted[i]).toBe(best);
      }
    }
  });
});
