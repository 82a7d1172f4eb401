import type { McuKernel } from './wasm/load';
import { instantiateMcuKernel } from './wasm/load';
import type { Program } from '../../program/program';

/** Byte offsets of the SRAM regions in one buffer (the SIMD kernels' memory when they run). */
export interface SramLayout {
  arena: number; input: number; output: number;
  /** One decoded receptive field (PQ chunks x d, or the field). */
  decoded: number;
  /** Weights of up to sixteen units in tap-major order, interleaved by unit (the kernels' w). */
  w16: number;
  /** Biases of up to sixteen units. */
  bias16: number;
  /** Total bytes (with 64 bytes of slack after each region: the kernels load 16 lanes at once). */
  bytes: number;
}

const up16 = (n: number) => Math.ceil(n / 16) * 16;

/** Lays out arena, input, output and scratch for a program; `maxField` is the largest receptive field. */
export function sramLayout(p: Program, decodedFloats: number, maxField: number): SramLayout {
  let at = 16;
  const region = (floats: number) => { const o = at; at = up16(at + floats * 4 + 64); return o; };
  const arena = region(p.arenaFloats);
  const input = region(p.inputSize);
  const output = region(p.outputSize);
  const decoded = region(decodedFloats);
  const w16 = region(maxField * 16);
  const bias16 = region(16);
  return { arena, input, output, decoded, w16, bias16, bytes: at };
}

/** The SRAM buffer: the kernel instance's memory when WebAssembly SIMD is available (and wanted), else a plain buffer. */
export function allocateSram(layout: SramLayout, simd: boolean): { buffer: ArrayBuffer; kernel: McuKernel | null } {
  const kernel = simd ? instantiateMcuKernel(layout.bytes) : null;
  return { buffer: kernel ? kernel.memory.buffer : new ArrayBuffer(layout.bytes), kernel };
}
