/** The k-means worker behind a bridge (Vite bundles the worker from this `new URL(...)`). */
import { createWorkerBridge } from './bridge';
import type { WorkerBridge } from './bridge';
import type { KmeansWorkerApi } from '../../workers/kmeans.worker';

/** A bridge to a fresh k-means worker (started on the first call). */
export function createKmeansBridge(): WorkerBridge<KmeansWorkerApi> {
  return createWorkerBridge<KmeansWorkerApi>(() => new Worker(new URL('../../workers/kmeans.worker.ts', import.meta.url), { type: 'module', name: 'kmeans' }));
}
