/**
 * The tfjs backend of a worker, set up once: the WASM backend with the project's training kernels (the
 * `.wasm` files are bundled by Vite and served from the app, never fetched from elsewhere), single
 * threaded because the workers already share the machine's cores; or the plain CPU backend for workers
 * that only build models (import, tfjs export).
 */
import * as tf from '@tensorflow/tfjs';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { setupWasmBackend } from '../../core/tfjs/backend';

let wasm: Promise<string> | null = null;
let cpu: Promise<string> | null = null;

/** Selects the WASM backend (once per worker); resolves with its name. */
export function ensureWasm(): Promise<string> {
  if (!wasm) {
    // One thread per worker: the pool already runs one worker per core.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    // tfjs wants all three URLs; the threaded one is never fetched with multithreading off.
    const wasmPaths = { 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm-threaded-simd.wasm': threaded };
    wasm = setupWasmBackend({ wasmPaths })
      .catch((e: unknown) => { wasm = null; throw e; });
  }
  return wasm;
}

/** Selects the CPU backend (enough to build, load and save models). */
export function ensureCpu(): Promise<string> {
  if (!cpu) cpu = tf.setBackend('cpu').then(async () => { await tf.ready(); return 'cpu'; });
  return cpu;
}
