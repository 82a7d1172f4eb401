/**
 * Runners of the pipeline's jobs (jobs.ts): inline, one after the other on this thread, or on a pool of
 * threads that each hold the shared context. Results come back in input order and do not depend on which
 * thread ran a job (each job is a pure function of the context and its input), so a pool gives the same
 * result as one thread.
 */
import type { CompressInput } from '../input/types';
import type { JobContext, JobInput, JobName, JobOutput } from './jobs';
import { runJob } from './jobs';

/** Executes jobs. */
export interface StageRunner {
  /** Jobs that run at once. */
  readonly threads: number;
  /**
   * Runs job `name` on every input, at most `threads` at a time (the order given is the order they start:
   * put the longest first); resolves with the outputs in input order. `onDone` sees each as it finishes.
   */
  map<N extends JobName>(name: N, inputs: readonly JobInput<N>[], onDone?: (index: number, done: number) => void): Promise<JobOutput<N>[]>;
  /** Stops the threads (a no-op inline). */
  dispose(): Promise<void>;
}

/** Makes a runner for a run's models (its shared context). */
export type RunnerFactory = (inputs: readonly CompressInput[]) => Promise<StageRunner>;

/** The inline runner: every job on this thread, one at a time. */
export const inlineRunner: RunnerFactory = async (inputs) => {
  const ctx: JobContext = { inputs };
  return {
    threads: 1,
    async map(name, list, onDone) {
      const out = [];
      for (let i = 0; i < list.length; i++) {
        out.push(await runJob(ctx, name, list[i]));
        onDone?.(i, i + 1);
      }
      return out;
    },
    async dispose() {},
  };
};

/** One thread of a pool: runs a job by name (the thread holds the context). */
export interface JobThread {
  run<N extends JobName>(name: N, input: JobInput<N>): Promise<JobOutput<N>>;
  terminate(): Promise<void> | void;
}

/**
 * A runner over threads: each takes the next job when it is free. A failing job rejects the map (the
 * other running jobs finish, no new ones start).
 */
export function poolRunner(threads: readonly JobThread[]): StageRunner {
  if (threads.length === 0) throw new Error('a pool runner needs at least one thread');
  return {
    threads: threads.length,
    map(name, list, onDone) {
      return new Promise((resolve, reject) => {
        const out = new Array(list.length);
        let next = 0;
        let done = 0;
        let failed = false;
        if (list.length === 0) { resolve([]); return; }
        const pump = (t: JobThread): void => {
          if (failed || next >= list.length) return;
          const i = next++;
          t.run(name, list[i]).then((r) => {
            if (failed) return;
            out[i] = r;
            done++;
            onDone?.(i, done);
            if (done === list.length) resolve(out);
            else pump(t);
          }, (e) => { failed = true; reject(e); });
        };
        for (const t of threads) pump(t);
      });
    },
    async dispose() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
