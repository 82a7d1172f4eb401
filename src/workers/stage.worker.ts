/**
 * A thread of the pipeline's jobs in the browser (core/compress/run/jobs.ts): loads the run's models itself
 * (the same files and seeded splits as the compress worker, cached per worker) and runs jobs by name. The
 * compress worker starts these (lib/stageRunner.ts) so the per-model and per-codebook jobs of a run use
 * the cores; the results equal those of one thread.
 */
import * as Comlink from 'comlink';
import { runJob } from '../core/compress/run/jobs';
import type { JobContext, JobInput, JobName } from '../core/compress/run/jobs';
import type { ModelRef } from './types';
import { ensureWasm } from './lib/tfjs';
import { compressInputs } from './lib/inputs';

let ctx: JobContext | null = null;

const api = {
  /** Loads the models of a run (refs as the compress worker got them). */
  async init(req: { models: ModelRef[]; withTrain: boolean; seed: number }): Promise<void> {
    await ensureWasm();
    ctx = { inputs: await compressInputs(req.models, req) };
  },
  /** Runs one job on the loaded models. */
  async run<N extends JobName>(name: N, input: JobInput<N>) {
    if (!ctx) throw new Error('stage worker: init() first');
    return runJob(ctx, name, input);
  },
};

/** The stage worker's API. */
export type StageWorkerApi = typeof api;

Comlink.expose(api);
