/** The bundle worker (virtual MCU, exports, re-opening bundles) behind a bridge. */
import { createWorkerBridge } from './bridge';
import type { WorkerBridge } from './bridge';
import type { BundleWorkerApi } from '../../workers/bundle.worker';

/** A bridge to the bundle worker. */
export function createBundleBridge(): WorkerBridge<BundleWorkerApi> {
  return createWorkerBridge<BundleWorkerApi>(() => new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' }));
}
