/**
 * Loading the PQ assignment kernel (kernel.as, compiled to kernel.generated.ts). The core has no DOM
 * or Node typings, so the few WebAssembly calls used here are typed locally and reached through
 * globalThis. Every engine gets its own instance (and memory), so concurrent runs never share state.
 */
import { KERNEL_WASM_BASE64 } from './kernel.generated';
import { decodeBase64 } from './base64';

/** The kernel's exports (see kernel.as for the memory layout they expect). Booleans are passed as 0/1. */
export interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  assignBlocks(xt: number, b0: number, b1: number, d: number, rows: number, k: number, scratch: number, out: number): void;
  accumulate(xt: number, i0: number, i1: number, d: number, assign: number, rows: number, withSums: number, sums: number, counts: number): number;
}

/** A compiled WebAssembly.Module (opaque here). */
export type KernelModule = object;

interface WasmApi {
  Module: new (bytes: Uint8Array) => KernelModule;
  Instance: new (module: KernelModule, imports: object) => { exports: unknown };
  compile(bytes: Uint8Array): Promise<KernelModule>;
  validate(bytes: Uint8Array): boolean;
}

const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
let bytes: Uint8Array | null = null;
let compiled: KernelModule | null = null;
let pending: Promise<KernelModule | null> | null = null;

function kernelBytes(): Uint8Array {
  bytes ??= decodeBase64(KERNEL_WASM_BASE64);
  return bytes;
}

/** True when this runtime has WebAssembly with SIMD128 (validates the kernel without compiling it). */
export function wasmSimdSupported(): boolean {
  try {
    return !!wasmApi && wasmApi.validate(kernelBytes());
  } catch {
    return false;
  }
}

/** The compiled kernel, compiled once asynchronously (allowed everywhere); null without WASM SIMD. */
export function loadKernel(): Promise<KernelModule | null> {
  if (compiled) return Promise.resolve(compiled);
  pending ??= (async () => {
    if (!wasmApi || !wasmSimdSupported()) return null;
    compiled = await wasmApi.compile(kernelBytes());
    return compiled;
  })();
  return pending;
}

/**
 * The compiled kernel, synchronously: the cached module, else a synchronous compile (allowed in Node
 * and workers; browsers refuse it on the main thread for modules over 4 KB — there, await loadKernel()
 * first). Null when WASM SIMD is missing or the compile is refused.
 */
export function loadKernelSync(): KernelModule | null {
  if (compiled) return compiled;
  if (!wasmApi || !wasmSimdSupported()) return null;
  try {
    compiled = new wasmApi.Module(kernelBytes());
  } catch {
    return null;
  }
  return compiled;
}

/** A fresh instance whose memory holds at least `bytesNeeded` bytes. */
export function instantiateKernel(module: KernelModule, bytesNeeded: number): KernelExports {
  if (!wasmApi) throw new Error('WebAssembly is not available in this runtime');
  const ex = new wasmApi.Instance(module, {}).exports as KernelExports;
  const have = ex.memory.buffer.byteLength;
  if (bytesNeeded > have) ex.memory.grow(Math.ceil((bytesNeeded - have) / 65536));
  return ex;
}
