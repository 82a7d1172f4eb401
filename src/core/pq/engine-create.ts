/** Picking and building a Lloyd engine for a backend choice. */
import type { Backend, LloydEngine } from './engine';
import { createTsEngine } from './engine-ts';
import { createWasmEngine, fitsWasm } from './engine-wasm';
import { loadKernel, loadKernelSync } from './wasm/load';
import type { KernelModule } from './wasm/load';

function build(module: KernelModule | null, x: Float32Array, n: number, d: number, k: number, backend: Backend): LloydEngine {
  if (backend === 'ts') return createTsEngine(x, n, d, k);
  if (backend === 'wasm') {
    if (!module) {
      throw new Error("backend 'wasm' was asked but the kernel is not available: this runtime has no WebAssembly SIMD128, or (browser main thread) it refused a synchronous compile — await loadKernel() first, or use backend 'auto' or 'ts'");
    }
    return createWasmEngine(module, x, n, d, k);
  }
  if (backend !== 'auto') throw new Error(`unknown backend '${String(backend)}': use 'auto', 'wasm' or 'ts'`);
  return module && fitsWasm(n, d, k) ? createWasmEngine(module, x, n, d, k) : createTsEngine(x, n, d, k);
}

/** An engine for the (n x d) points x; compiles the WASM kernel asynchronously on first use. */
export async function createEngine(x: Float32Array, n: number, d: number, k: number, backend: Backend = 'auto'): Promise<LloydEngine> {
  return build(backend === 'ts' ? null : await loadKernel(), x, n, d, k, backend);
}

/** Like createEngine, synchronously (see loadKernelSync for when the WASM path is available). */
export function createEngineSync(x: Float32Array, n: number, d: number, k: number, backend: Backend = 'auto'): LloydEngine {
  return build(backend === 'ts' ? null : loadKernelSync(), x, n, d, k, backend);
}
