/**
 * Loading the virtual MCU's SIMD kernels (kernel.as, compiled to kernel.generated.ts). The module is
 * small (about 2 KB), so it is compiled synchronously, which every host allows for modules under
 * 4 KB. Each runtime gets its own instance whose memory is the virtual MCU's SRAM.
 */
import { decodeBase64 } from '../../../pq/wasm/base64';
import { MCU_KERNEL_WASM_BASE64 } from './kernel.generated';

/** The kernels' exports (see kernel.as). Pointers are byte offsets into `memory`. */
export interface McuKernel {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  conv16(x: number, y: number, w: number, bias: number,
    inH: number, inW: number, inC: number, outH: number, outW: number, outC: number, kh: number, kw: number, sh: number, sw: number,
    dh: number, dw: number, padT: number, padL: number, u: number, nu: number): number;
  depthwise16(x: number, y: number, w: number, bias: number,
    inH: number, inW: number, inC: number, outH: number, outW: number, kh: number, kw: number, sh: number, sw: number,
    dh: number, dw: number, padT: number, padL: number, u: number, nu: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  validate(bytes: Uint8Array): boolean;
}

const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
let module: object | null | undefined;

function compiled(): object | null {
  if (module !== undefined) return module;
  try {
    const bytes = decodeBase64(MCU_KERNEL_WASM_BASE64);
    module = api && api.validate(bytes) ? new api.Module(bytes) : null;
  } catch {
    module = null;
  }
  return module;
}

/** True when this host runs WebAssembly SIMD128 (the kernels validate and compile). */
export function mcuSimdSupported(): boolean {
  return compiled() !== null;
}

/** A fresh kernel instance with at least `bytes` of memory, or null without WebAssembly SIMD. */
export function instantiateMcuKernel(bytes: number): McuKernel | null {
  const m = compiled();
  if (!m || !api) return null;
  const k = new api.Instance(m, {}).exports as McuKernel;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  return k;
}
