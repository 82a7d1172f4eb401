/**
 * The Virtual MCU step's run: per-model counts measured by the runtime executing the bundle's bytes,
 * the scenario simulated on a device under the three strategies, memory maps on every device, and the
 * virtual MCU's predictions on stored test samples. Pure (no worker globals).
 */
import type { Bundle } from '../../core/bundle/bundle';
import { modelNames } from '../../core/bundle/bundle';
import { createRuntime } from '../../core/mcu/runtime/executor';
import { simulate, strategyMemoryMaps } from '../../core/mcu/scenario/simulate';
import { DEFAULT_SCENARIO } from '../../core/mcu/scenario/requests';
import type { PeriodicTask, Scenario } from '../../core/mcu/scenario/types';
import { DEVICE_IDS, getDevice } from '../../core/mcu/devices';
import type { ModelCounts } from '../../core/mcu/counts';
import type { McuPrediction, SimulationReport } from '../types';

/** A periodic task as the scenario editor holds it. */
export interface ScenarioTask { model: string; periodMs: number }

/** Scenario length: 60 s, or three periods of the slowest task when that is longer (capped at 10 min). */
export function scenarioDuration(tasks: { periodMs: number }[]): number {
  const longest = tasks.reduce((a, t) => Math.max(a, t.periodMs), 0);
  return Math.min(600_000, Math.max(60_000, 3 * longest));
}

/**
 * The scenario to simulate for the bundle's models: the user's tasks (staggered by 250 ms so requests do
 * not arrive together); else the default scenario's tasks for the models it knows, plus every other
 * model every 3 s. Tasks naming models the bundle lacks are an Error saying which.
 */
export function scenarioFor(tasks: ScenarioTask[], models: string[]): Scenario & { kind: 'periodic' } {
  if (tasks.length) {
    const missing = tasks.filter((t) => !models.includes(t.model)).map((t) => t.model);
    if (missing.length) throw new Error(`the scenario asks for ${[...new Set(missing)].join(', ')}, which the compressed models do not include (${models.join(', ')}): edit the scenario or learn the codebook again`);
    const out: PeriodicTask[] = tasks.map((t, i) => ({ model: t.model, periodMs: t.periodMs, offsetMs: (i * 250) % Math.max(1, t.periodMs) }));
    return { kind: 'periodic', durationMs: scenarioDuration(out), tasks: out };
  }
  const def = DEFAULT_SCENARIO.kind === 'periodic' ? DEFAULT_SCENARIO : null;
  const known = (def?.tasks ?? []).filter((t) => models.includes(t.model));
  const others = models.filter((m) => !known.some((t) => t.model === m))
    .map((model, i): PeriodicTask => ({ model, periodMs: 3000, offsetMs: 125 + i * 375 }));
  const all = [...known, ...others];
  return { kind: 'periodic', durationMs: def?.durationMs ?? scenarioDuration(all), tasks: all };
}

/** Counts of every model of the bundle, measured by running it once on the runtime. */
export function bundleCounts(bundle: Bundle): ModelCounts[] {
  return modelNames(bundle).map((n) => createRuntime(bundle, n).counts());
}

/** Simulates the scenario on `device` and maps every strategy's memory on every device. */
export function runSimulation(bundle: Bundle, device: string, tasks: ScenarioTask[]): SimulationReport {
  const counts = bundleCounts(bundle);
  const scenario = scenarioFor(tasks, counts.map((c) => c.model));
  const r = simulate(counts, getDevice(device), scenario);
  return {
    device: r.device, deviceName: r.deviceName, requests: r.requests, durationUs: r.durationUs,
    strategies: r.strategies.map((s) => ({
      name: s.name, fits: s.fits, message: s.message, weightFormat: s.weightFormat,
      meanSwitchMs: s.meanSwitchMs, meanSwitchMj: s.meanSwitchMj, inferenceMs: s.inferenceMs,
      latencyMs: s.latencyMs, energyMj: s.energyMj, events: s.events,
    })),
    reduction: r.reduction,
    memoryMaps: Object.fromEntries(DEVICE_IDS.map((id) => [id, strategyMemoryMaps(counts, getDevice(id))])),
    scenario: scenario.tasks.map((t) => ({ model: t.model, periodMs: t.periodMs, offsetMs: t.offsetMs ?? 0 })),
  };
}

/** What the page needs to show a model's samples. */
export interface SampleSet {
  model: string;
  modality: string;
  classNames: string[] | null;
  /** (n x inputSize) */
  x: Float32Array;
  y: ArrayLike<number>;
  n: number;
}

/** The virtual MCU's class for the first `count` samples of each set, run from the bundle's bytes. */
export function predictSamples(bundle: Bundle, sets: SampleSet[], count: number, now: () => number = () => performance.now()): McuPrediction[] {
  return sets.map((s) => {
    const rt = createRuntime(bundle, s.model);
    const n = Math.min(count, s.n);
    const size = rt.program.inputSize;
    const x = s.x.slice(0, n * size);
    const t0 = now();
    const { classes } = rt.runBatch(x, n);
    const us = n ? ((now() - t0) * 1000) / n : 0;
    return {
      model: s.model, modality: s.modality, inputShape: rt.program.inputShape.slice(), classNames: s.classNames,
      x, y: Int32Array.from({ length: n }, (_, i) => s.y[i]), predicted: Int32Array.from(classes), hostUsPerSample: us,
    };
  });
}
