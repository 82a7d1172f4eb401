/** The model-import worker behind a bridge; it stops when idle (an import is rare). */
import { createWorkerBridge } from './bridge';
import type { WorkerBridge } from './bridge';
import type { ModelWorkerApi } from '../../workers/model.worker';

/** A bridge to the model-import worker. */
export function createModelBridge(): WorkerBridge<ModelWorkerApi> {
  return createWorkerBridge<ModelWorkerApi>(
    () => new Worker(new URL('../../workers/model.worker.ts', import.meta.url), { type: 'module', name: 'model-import' }),
    { idleTimeoutMs: 30_000 },
  );
}
