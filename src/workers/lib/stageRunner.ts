/**
 * The compression pipeline's runner in the browser: a few stage workers (one per core, at most two), started
 * once per compress worker and kept warm, each loading the run's models itself; the core's poolRunner
 * hands them the jobs.
 */
import * as Comlink from 'comlink';
import type { JobThread, RunnerFactory } from '../../core/compress/run/runner';
import { poolRunner } from '../../core/compress/run/runner';
import type { StageWorkerApi } from '../stage.worker';
import type { ModelRef } from '../types';

let pool: { worker: Worker; api: Comlink.Remote<StageWorkerApi> }[] | null = null;

/** Stage workers to start: the cores the browser reports, at most two, at least one. */
export function stageThreads(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(2, cores));
}

/** A runner over the stage workers for a run of these models (the workers load them, cached). */
export function stageRunner(req: { models: ModelRef[]; withTrain: boolean; seed: number }): RunnerFactory {
  return async () => {
    if (!pool) {
      pool = Array.from({ length: stageThreads() }, (_, i) => {
        const worker = new Worker(new URL('../stage.worker.ts', import.meta.url), { type: 'module', name: `yono-stage-${i + 1}` });
        return { worker, api: Comlink.wrap<StageWorkerApi>(worker) };
      });
    }
    const threads: JobThread[] = await Promise.all(pool.map(async (p) => {
      await p.api.init(req);
      return {
        run: (name, input) => p.api.run(name, input) as never,
        terminate: () => undefined, // kept warm for the next run
      };
    }));
    return poolRunner(threads);
  };
}

/** Stops the stage workers (a crashed or cancelled run). */
export function stopStageWorkers(): void {
  for (const p of pool ?? []) p.worker.terminate();
  pool = null;
}
