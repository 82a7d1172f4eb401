/**
 * A pool of identical workers (one per core by default) that works through a list of jobs: each worker
 * takes the next job when it is free. Aborting (or a failing job) stops the whole map: every worker is
 * terminated, so the running jobs stop too, and the next map starts fresh workers.
 */
import { createWorkerBridge } from './bridge';
import type { BridgeOptions, WorkerBridge, WorkerLike } from './bridge';
import { CancelledError } from '../core';

/** A pool of bridges to workers made by one factory. */
export interface WorkerPool<T> {
  readonly size: number;
  /**
   * Runs `job(bridge, item, index)` for every item, at most `size` at a time; resolves with the results
   * in item order. `onResult` sees each result as it arrives.
   */
  map<I, R>(items: readonly I[], job: (w: WorkerBridge<T>, item: I, index: number) => Promise<R>,
    opts?: { signal?: AbortSignal; onResult?: (r: R, index: number, done: number) => void }): Promise<R[]>;
  /** Terminates every worker (their pending calls reject with CancelledError). */
  cancel(reason?: string): void;
}

/** Default pool size: the cores the browser reports, at least 1, at most `max`. */
export function defaultPoolSize(max = 2): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(max, cores));
}

/** A pool of `size` workers from `factory` (each started lazily by its bridge, stopped after `options.idleTimeoutMs` idle). */
export function createWorkerPool<T extends object>(factory: () => WorkerLike, size = defaultPoolSize(), options: BridgeOptions = {}): WorkerPool<T> {
  const bridges = Array.from({ length: Math.max(1, size) }, () => createWorkerBridge<T>(factory, options));
  const cancel = (reason?: string) => { for (const b of bridges) b.cancel(reason); };
  return {
    size: bridges.length,
    cancel,
    map(items, job, opts = {}) {
      return new Promise((resolve, reject) => {
        const results = new Array<unknown>(items.length);
        let next = 0;
        let done = 0;
        let failed = false;
        const fail = (e: unknown) => {
          if (failed) return;
          failed = true;
          opts.signal?.removeEventListener('abort', onAbort);
          cancel('a job of the pool failed');
          reject(e);
        };
        const onAbort = () => fail(new CancelledError());
        if (opts.signal?.aborted) { reject(new CancelledError()); return; }
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        if (items.length === 0) { resolve([]); return; }
        const pump = (w: WorkerBridge<T>): void => {
          if (failed || next >= items.length) return;
          const i = next++;
          job(w, items[i], i).then((r) => {
            if (failed) return;
            results[i] = r;
            done++;
            opts.onResult?.(r, i, done);
            if (done === items.length) {
              opts.signal?.removeEventListener('abort', onAbort);
              resolve(results as never[]);
            } else pump(w);
          }, fail);
        };
        for (const w of bridges) pump(w);
      });
    },
  };
}
