// A worker thread of the Node runner (runner.ts): holds the run's models (workerData.inputs, their data in
// SharedArrayBuffers), sets up tfjs as the main thread does, and runs the pipeline's jobs by name.
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from '../core/compress/run/jobs';
import type { JobContext, JobName } from '../core/compress/run/jobs';
import { setupNodeTfjs } from './tfjs';

const port = parentPort;
if (!port) throw new Error('stageWorker runs as a worker thread');
const ctx: JobContext = { inputs: workerData.inputs };
await setupNodeTfjs(workerData.tfjsThreads === undefined ? {} : { threads: workerData.tfjsThreads });
port.on('message', async (m: { id: number; name: JobName; input: never }) => {
  try {
    port.postMessage({ id: m.id, ok: true, out: await runJob(ctx, m.name, m.input) });
  } catch (e) {
    const err = e as Error;
    port.postMessage({ id: m.id, ok: false, error: { name: err?.name, message: err?.message ?? String(e), stack: err?.stack } });
  }
});
port.postMessage({ ready: true });
