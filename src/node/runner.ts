// The pipeline's jobs on Node worker threads (core/compress/run/runner.ts poolRunner): each thread holds the
// run's models, their splits in SharedArrayBuffers (one copy for all threads), and runs jobs by name. From the
// bundled CLI the worker is dist-cli/stage-worker.mjs (scripts/build-cli.mjs builds both); from TypeScript
// (tsx, vitest) the worker's source runs through tsx.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompressInput } from '../core/compress/input/types';
import type { JobThread, RunnerFactory } from '../core/compress/run/runner';
import { inlineRunner, poolRunner } from '../core/compress/run/runner';
import type { Split } from '../core/data/types';

/** Threads by default: the machine's cores. */
export const defaultThreads = (): number => Math.max(1, availableParallelism());

/** A typed array's copy in a SharedArrayBuffer. */
function shared<T extends Float32Array | Uint8Array>(a: T): T {
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

const shareSplit = (s: Split): Split => ({ ...s, x: shared(s.x), y: shared(s.y as Uint8Array) });

/** The models with their splits' arrays in SharedArrayBuffers (threads read them without copies). */
export function shareInputs(inputs: readonly CompressInput[]): CompressInput[] {
  return inputs.map((i) => ({ ir: i.ir, train: i.train && shareSplit(i.train), val: shareSplit(i.val), test: shareSplit(i.test) }));
}

/**
 * A worker running the stage worker: the bundled dist-cli/stage-worker.mjs next to the bundled CLI, else
 * (TypeScript through tsx or vitest) a bootstrap that registers tsx's loader and imports stageWorker.ts.
 */
function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./stage-worker.mjs', here), { workerData });
  const src = new URL('./stageWorker.ts', here).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(src)}); }).catch((e) => { throw e; });`;
  return new Worker(boot, { eval: true, workerData });
}

/** One worker thread as a JobThread (jobs queue on it; one runs at a time). */
async function startThread(inputs: CompressInput[]): Promise<JobThread> {
  const w = startWorker({ inputs });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (e: Error) => {
    failure = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.once('message', (m: { ready?: boolean }) => { if (m.ready) { w.off('error', reject); resolve(); } });
  });
  w.on('message', (m: { id: number; ok: boolean; out?: unknown; error?: { name?: string; message: string; stack?: string } }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.out);
    else p.reject(Object.assign(new Error(m.error!.message), { name: m.error!.name ?? 'Error', stack: m.error!.stack }));
  });
  w.on('error', (e) => failAll(e));
  w.on('exit', (code) => { if (pending.size) failAll(new Error(`a pipeline worker thread exited (code ${code}) during a job`)); });
  return {
    run(name, input) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        w.postMessage({ id, name, input });
      });
    },
    async terminate() { await w.terminate(); },
  };
}

/**
 * A runner factory for Node: `threads` worker threads (default: the cores), or the inline runner for 1.
 * Every thread gets the run's models once.
 */
export function nodeRunner(threads = defaultThreads()): RunnerFactory {
  if (threads <= 1) return inlineRunner;
  return async (inputs) => {
    const data = shareInputs(inputs);
    const list = await Promise.all(Array.from({ length: Math.min(threads, Math.max(1, inputs.length)) }, () => startThread(data)));
    return poolRunner(list);
  };
}
