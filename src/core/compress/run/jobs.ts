/**
 * The pipeline's jobs by name: each a pure function of the shared context (every model's input, sent once
 * to each thread) and its own plain-data input, giving plain data. A runner (runner.ts) executes them inline
 * or on a pool of threads (Node worker_threads, Web Workers) with the same results.
 */
import type { PreparedModel } from '../calibrate/prepare';
import { prepareModel } from '../calibrate/prepare';
import type { CodebookJob } from '../codebooks/jobs';
import { learnCodebook } from '../codebooks/jobs';
import type { SelectJob } from '../allocate/select';
import { selectModel } from '../allocate/select';
import { measureTable, routeTable } from '../allocate/table';
import type { CompressInput } from '../input/types';
import type { LayerRoute } from '../plan/routing';
import type { CodebookGroup, Plan } from '../types';

/** What every job may read: the models' inputs (IR and splits), by index. */
export interface JobContext {
  inputs: readonly CompressInput[];
}

/** Input of a `table` job: measure the loss table (`routes` null) or encode the routed formats. */
export interface TableJob {
  model: number;
  plan: Plan;
  prepared: PreparedModel;
  codebooks: CodebookGroup[];
  routes: LayerRoute[] | null;
}

/** The jobs. */
export const JOBS = {
  prepare: (ctx: JobContext, j: { model: number; plan: Plan; statsFor: string[] }) => prepareModel(ctx.inputs[j.model], j.plan, j.statsFor),
  codebook: (_ctx: JobContext, j: CodebookJob) => learnCodebook(j),
  table: (ctx: JobContext, j: TableJob) => (j.routes
    ? routeTable(ctx.inputs[j.model], j.plan, j.prepared, j.codebooks, j.routes)
    : measureTable(ctx.inputs[j.model], j.plan, j.prepared, j.codebooks)),
  select: (ctx: JobContext, j: SelectJob & { model: number }) => selectModel(ctx.inputs[j.model], j),
};

/** A job's name. */
export type JobName = keyof typeof JOBS;
/** A job's input. */
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[1];
/** A job's output. */
export type JobOutput<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;

/** Runs one job (what a thread does with a message). Throws for an unknown name. */
export async function runJob<N extends JobName>(ctx: JobContext, name: N, input: JobInput<N>): Promise<JobOutput<N>> {
  const f = JOBS[name] as unknown as ((c: JobContext, i: JobInput<N>) => Promise<JobOutput<N>> | JobOutput<N>) | undefined;
  if (!f) throw new Error(`unknown pipeline job '${String(name)}'`);
  return f(ctx, input);
}
