/** Bridges to the compression worker: one for codebook runs, and a pool for the comparison and the sweep. */
import { createWorkerBridge } from './bridge';
import type { WorkerBridge } from './bridge';
import { createWorkerPool, defaultPoolSize } from './pool';
import type { WorkerPool } from './pool';
import type { CompressWorkerApi } from '../../workers/compress.worker';

const make = (name: string) => () => new Worker(new URL('../../workers/compress.worker.ts', import.meta.url), { type: 'module', name });

/** A bridge to a compression worker (started on the first call). */
export function createCompressBridge(name = 'compress'): WorkerBridge<CompressWorkerApi> {
  return createWorkerBridge<CompressWorkerApi>(make(name));
}

/** A pool of compression workers, one per core (at most two); they stop after two idle minutes (their data is reloaded next time). */
export function createCompressPool(): WorkerPool<CompressWorkerApi> {
  return createWorkerPool<CompressWorkerApi>(make('compress-pool'), defaultPoolSize(), { idleTimeoutMs: 120_000 });
}
