/**
 * The UI side of any worker: starts it lazily, calls its comlink API with buffer transfer, cancels by
 * terminating it (pending calls reject with CancelledError), and restarts it on the next call after a
 * cancel or a crash. Typed from the worker's `typeof api`:
 *
 *   const km = createWorkerBridge<KmeansWorkerApi>(() => new Worker(new URL(...), { type: 'module' }));
 *   const r = await km.call('kmeans', [x, n, d, opts, proxy(onProgress)], { transfer: [x.buffer], signal });
 */
import * as Comlink from 'comlink';
import { CancelledError } from '../core';
import { WorkerCrashError } from './errors';

/** Wraps a callback so the worker can call it back across threads (e.g. a progress function). */
export const proxy = Comlink.proxy;

type AnyFn = (...args: never[]) => unknown;
/** Names of the API's methods. */
export type MethodName<T> = { [K in keyof T]: T[K] extends AnyFn ? K : never }[keyof T] & string;
/** Argument tuple of method K. */
export type MethodArgs<T, K extends keyof T> = T[K] extends (...args: infer A) => unknown ? A : never;
/** Resolved result of method K. */
export type MethodResult<T, K extends keyof T> = T[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/** Per-call options. */
export interface CallOptions {
  /** Buffers moved to the worker instead of copied (the caller's views become empty). */
  transfer?: Transferable[];
  /** Aborting cancels the call: it terminates the worker, so every pending call rejects with CancelledError. */
  signal?: AbortSignal;
}

/** A worker behind a typed, cancellable call interface. */
export interface WorkerBridge<T> {
  /** Calls `method(...args)` in the worker (starting it if needed). */
  call<K extends MethodName<T>>(method: K, args: MethodArgs<T, K>, opts?: CallOptions): Promise<MethodResult<T, K>>;
  /** Terminates the worker and rejects every pending call with CancelledError; the next call starts a new worker. */
  cancel(reason?: string): void;
  /** Like cancel, for good (e.g. on unmount); a later call still restarts the worker. */
  dispose(): void;
  /** Calls in flight. */
  readonly pending: number;
  /** True while a worker is running. */
  readonly running: boolean;
}

/** The part of Worker the bridge uses (a real Worker, or a test double over a MessagePort). */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

/** Options of createWorkerBridge. */
export interface BridgeOptions {
  /** Terminate the worker after this many ms without pending calls (default: keep it). */
  idleTimeoutMs?: number;
}

interface Pending { reject: (e: unknown) => void }

const isProxy = (v: object) => (v as Partial<Comlink.ProxyMarked>)[Comlink.proxyMarker] === true;

/** A bridge to the worker made by `factory` (called lazily, and again after a cancel or a crash). */
export function createWorkerBridge<T extends object>(factory: () => WorkerLike, options: BridgeOptions = {}): WorkerBridge<T> {
  let worker: WorkerLike | null = null;
  let remote: Comlink.Remote<T> | null = null;
  const pending = new Set<Pending>();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function stop(error: Error): void {
    if (idleTimer) { clearTimeout(idleTimer); idleTimer = null; }
    if (worker) {
      worker.removeEventListener('error', onCrash);
      worker.removeEventListener('messageerror', onCrash);
      worker.terminate();
    }
    worker = null;
    remote = null;
    const calls = [...pending];
    pending.clear();
    for (const p of calls) p.reject(error);
  }

  function onCrash(e: Event): void {
    const detail = (e as ErrorEvent).message || e.type;
    stop(new WorkerCrashError(`The worker stopped unexpectedly (${detail}); it restarts on the next run.`));
  }

  function ensure(): Comlink.Remote<T> {
    if (!worker || !remote) {
      worker = factory();
      worker.addEventListener('error', onCrash);
      worker.addEventListener('messageerror', onCrash);
      remote = Comlink.wrap<T>(worker);
    }
    return remote;
  }

  function scheduleIdle(): void {
    if (options.idleTimeoutMs === undefined || pending.size > 0 || !worker) return;
    idleTimer = setTimeout(() => { if (pending.size === 0) stop(new CancelledError('idle')); }, options.idleTimeoutMs);
  }

  return {
    call(method, args, opts = {}) {
      return new Promise<MethodResult<T, typeof method>>((resolve, reject) => {
        // Throws in here (a factory that fails, a bad transfer list) reject the call.
        if (opts.signal?.aborted) throw new CancelledError();
        if (idleTimer) { clearTimeout(idleTimer); idleTimer = null; }
        const api = ensure();
        if (opts.transfer?.length) {
          const holder = (args as unknown[]).find((a): a is object => typeof a === 'object' && a !== null && !isProxy(a));
          if (!holder) throw new Error(`worker call '${method}': buffers to transfer need an object argument to travel with`);
          Comlink.transfer(holder, opts.transfer);
        }
        const entry: Pending = { reject };
        pending.add(entry);
        const onAbort = () => stop(new CancelledError());
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        const fn = (api as unknown as Record<string, (...a: unknown[]) => Promise<MethodResult<T, typeof method>>>)[method];
        fn(...(args as unknown[])).then(
          (v) => { if (pending.delete(entry)) resolve(v); },
          (e: unknown) => { if (pending.delete(entry)) reject(e); },
        ).finally(() => {
          opts.signal?.removeEventListener('abort', onAbort);
          scheduleIdle();
        });
      });
    },
    cancel(reason?: string) {
      stop(new CancelledError(reason));
    },
    dispose() {
      stop(new CancelledError('disposed'));
    },
    get pending() { return pending.size; },
    get running() { return worker !== null; },
  };
}
