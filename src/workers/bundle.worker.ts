/**
 * The bundle in a worker: the virtual MCU run (bundle written from the result, per-model counts from the
 * runtime, the scenario simulated, predictions on test samples), the exports, and re-opening a `.yono`
 * file. Nothing of this runs on the page's thread.
 */
import * as Comlink from 'comlink';
import type { CompressionResult } from '../core/compress/types';
import type { BundleSamples } from '../core/bundle/write';
import type { Bundle } from '../core/bundle/bundle';
import { readBundle } from '../core/bundle/read';
import { describeBundle } from '../core/bundle/describe';
import type { BundleSummary } from '../core/bundle/describe';
import type { FileLike } from '../core/io/files';
import type { ProgressFn } from '../core/util/progress';
import type { ModelRef } from './types';
import { refName, testSamples } from './lib/data';
import { predictSamples, runSimulation } from '../core/mcu/scenario/run';
import type { McuPrediction, SimulationSummary } from '../core/mcu/scenario/run';
import type { ScenarioTask } from '../core/mcu/scenario/for-bundle';
import { bundleBytes, exportFile } from '../core/report/exports';
import type { ExportKind, ExportedFile } from '../core/report/exports';
import type { ReportExtras } from '../core/report/report';

/** Models of the result that have a ref get their test samples (the others run without). */
async function samplesFor(result: CompressionResult, refs: ModelRef[]) {
  const names = result.models.map((m) => m.name);
  return testSamples(refs.filter((r) => names.includes(refName(r))), result.plan.seed);
}

const asBundleSamples = (sets: Awaited<ReturnType<typeof samplesFor>>): Record<string, BundleSamples> =>
  Object.fromEntries(sets.map((s) => [s.model, { x: s.x, y: s.y, n: s.n }]));

async function tfjsFiles(b: Bundle, model: string) {
  const [{ exportTfjs }, { ensureCpu }] = await Promise.all([import('../core/bundle/tfjs-export'), import('./lib/tfjs')]);
  await ensureCpu();
  return exportTfjs(b, model);
}

const api = {
  /** Writes the bundle, simulates the scenario on `device` and classifies `predictions` test samples per model. */
  async simulate(
    req: { result: CompressionResult; models: ModelRef[]; device: string; scenario: ScenarioTask[]; predictions: number },
    onProgress?: ProgressFn,
  ): Promise<{ report: SimulationSummary; predictions: McuPrediction[] }> {
    onProgress?.({ fraction: 0.05, phase: 'samples', message: 'reading test samples' });
    const sets = await samplesFor(req.result, req.models);
    onProgress?.({ fraction: 0.2, phase: 'bundle', message: 'writing the bundle' });
    const bundle = readBundle(bundleBytes(req.result, asBundleSamples(sets)));
    onProgress?.({ fraction: 0.4, phase: 'simulate', message: 'measuring counts and simulating' });
    const report = runSimulation(bundle, req.device, req.scenario);
    onProgress?.({ fraction: 0.8, phase: 'predict', message: 'running test samples on the virtual MCU' });
    const predictions = predictSamples(bundle, sets, req.predictions, () => performance.now());
    onProgress?.({ fraction: 1, phase: 'done' });
    return { report, predictions };
  },

  /** One export of the result. */
  async exportFile(req: { kind: ExportKind; result: CompressionResult; models: ModelRef[]; extras: ReportExtras; withSamples?: boolean }, onProgress?: ProgressFn): Promise<ExportedFile> {
    onProgress?.({ fraction: 0.1, phase: 'samples' });
    // A bundle may leave its test samples out; the C example's main runs them.
    const needsSamples = (req.kind === 'bundle' && req.withSamples !== false) || req.kind === 'c';
    const samples = needsSamples ? asBundleSamples(await samplesFor(req.result, req.models)) : {};
    onProgress?.({ fraction: 0.4, phase: req.kind });
    const f = await exportFile(req.kind, req.result, samples, req.extras, tfjsFiles);
    onProgress?.({ fraction: 1, phase: 'done' });
    return Comlink.transfer(f, [f.bytes.buffer as ArrayBuffer]);
  },

  /** Reads and validates a `.yono` file; a bad one rejects with the reader's BundleError message. */
  async openBundle(file: FileLike): Promise<BundleSummary & { fileName: string }> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { fileName: file.name, ...describeBundle(readBundle(bytes)) };
  },
};

/** The worker's API, for createWorkerBridge<BundleWorkerApi>. */
export type BundleWorkerApi = typeof api;

Comlink.expose(api);
