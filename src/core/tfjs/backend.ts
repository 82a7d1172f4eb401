import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerTrainingKernels } from './trainingKernels';
import { registerReductionFastPaths, registerZeroCopyIdentity } from './reduceKernels';
import { registerBatchNormGrad } from './batchNormGrad';
import { registerFakeQuantKernels } from './fakeQuant';

/** Everything that makes training fast on a backend: our kernels, reduction fast paths, the BN gradient, fake quantisation. */
function registerAll(backend: 'wasm' | 'cpu'): void {
  registerTrainingKernels(backend);
  registerReductionFastPaths(backend);
  if (backend === 'wasm') registerZeroCopyIdentity('wasm');
  registerBatchNormGrad();
  registerFakeQuantKernels(backend);
}

/** Where the three tfjs WASM binaries are: a URL prefix ending in '/', or one URL per file. */
export type WasmPaths = string | {
  'tfjs-backend-wasm.wasm'?: string;
  'tfjs-backend-wasm-simd.wasm'?: string;
  'tfjs-backend-wasm-threaded-simd.wasm'?: string;
};

export interface WasmSetupOptions {
  /**
   * URLs of the .wasm files (browser / worker: e.g. Vite `?url` imports). Omit in Node, where the
   * backend finds them next to its own package.
   */
  wasmPaths?: WasmPaths;
  /** Threads for the threaded build (needs cross-origin isolation in browsers). Default: backend's choice. */
  threads?: number;
}

/**
 * Selects the tfjs WASM backend and registers our convolution gradient kernels on it, so that
 * `model.fit` of conv nets works (tfjs 4.22's WASM backend lacks Conv2DBackpropFilter and the depthwise
 * gradients), fast per-channel Sum/Mean and a batch-norm gradient without Tile. Safe to call more than once; returns the backend name.
 */
export async function setupWasmBackend(opts: WasmSetupOptions = {}): Promise<string> {
  if (tf.getBackend() === 'wasm') {
    registerAll('wasm');
    return 'wasm';
  }
  if (opts.wasmPaths !== undefined) setWasmPaths(opts.wasmPaths);
  if (opts.threads !== undefined) setThreadsCount(opts.threads);
  registerAll('wasm');
  const ok = await tf.setBackend('wasm');
  if (!ok) throw new Error('the tfjs WASM backend failed to initialise: check that the .wasm files are served at the given wasmPaths');
  await tf.ready();
  return 'wasm';
}

/**
 * Selects the tfjs CPU backend with our fast convolution gradient kernels in place of its slow ones.
 * Mainly a fallback and a reference for tests.
 */
export async function setupCpuBackend(): Promise<string> {
  registerAll('cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
