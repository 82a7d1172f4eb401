/**
 * The Virtual MCU step's run: per-model counts measured by the runtime executing the bundle's bytes,
 * the scenario simulated on a device under the three strategies, memory maps on every device, and the
 * virtual MCU's predictions on stored test samples. Pure (no worker globals).
 */
import type { Bundle } from '../../bundle/bundle';
import { createRuntime } from '../runtime/executor';
import { isInt8Model } from '../../bundle/lowered';
import { createInt8Runtime } from '../runtime/int8/runtime';
import { simulate, strategyMemoryMaps } from './simulate';
import { bundleCounts, scenarioFor } from './for-bundle';
import type { ScenarioTask } from './for-bundle';
import { DEVICE_IDS, getDevice } from '../devices';
import type { MemoryMap, SimulationReport, StrategyResult } from './types';

/** A strategy as the app keeps it: the simulator's StrategyResult without the per-request detail. */
export type StrategySummary = Pick<StrategyResult, 'name' | 'fits' | 'message' | 'weightFormat' | 'meanSwitchMs' | 'meanSwitchMj' | 'inferenceMs' | 'latencyMs' | 'energyMj' | 'events'>;

/**
 * A simulation as the app keeps it: the simulator's SimulationReport (its strategies summarized), the
 * memory maps of every strategy on every device (switching device needs no new run) and the scenario
 * that ran, as periodic tasks.
 */
export interface SimulationSummary extends Pick<SimulationReport, 'device' | 'deviceName' | 'requests' | 'durationUs' | 'reduction'> {
  strategies: StrategySummary[];
  memoryMaps: Record<string, MemoryMap[]>;
  scenario: { model: string; periodMs: number; offsetMs: number }[];
}

/** Test samples the virtual MCU classified, per model. */
export interface McuPrediction {
  model: string;
  /** Modality for the preview ('image', 'audio', 'sensor'; 'unknown' for imported models). */
  modality: string;
  inputShape: number[];
  classNames: string[] | null;
  /** (n x inputSize) */
  x: Float32Array;
  /** (n) true class */
  y: Int32Array;
  /** (n) class predicted by the virtual MCU from the bundle bytes */
  predicted: Int32Array;
  /** Microseconds the virtual MCU (in this browser) took per sample. */
  hostUsPerSample: number;
}

/** Simulates the scenario on `device` and maps every strategy's memory on every device. */
export function runSimulation(bundle: Bundle, device: string, tasks: ScenarioTask[]): SimulationSummary {
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

/** The virtual MCU's class for the first `count` samples of each set, run from the bundle's bytes; `now` (ms) times it. */
export function predictSamples(bundle: Bundle, sets: SampleSet[], count: number, now: () => number): McuPrediction[] {
  return sets.map((s) => {
    const rt = isInt8Model(bundle, s.model) ? createInt8Runtime(bundle, s.model) : createRuntime(bundle, s.model);
    const inputShape = 'program' in rt ? rt.program.inputShape : rt.model.tensors[rt.model.input].shape;
    const n = Math.min(count, s.n);
    const size = 'program' in rt ? rt.program.inputSize : rt.inputSize;
    const x = s.x.slice(0, n * size);
    const t0 = now();
    const { classes } = rt.runBatch(x, n);
    const us = n ? ((now() - t0) * 1000) / n : 0;
    return {
      model: s.model, modality: s.modality, inputShape: inputShape.slice(), classNames: s.classNames,
      x, y: Int32Array.from({ length: n }, (_, i) => s.y[i]), predicted: Int32Array.from(classes), hostUsPerSample: us,
    };
  });
}
