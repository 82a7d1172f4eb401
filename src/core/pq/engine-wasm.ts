/** The WebAssembly SIMD128 Lloyd engine: kernel.as does the assignment and the accumulation. */
import { codewordNorms } from './engine';
import type { LloydEngine } from './engine';
import { instantiateKernel } from './wasm/load';
import type { KernelModule } from './wasm/load';

/** Largest memory the engine asks for (the kernel uses 32-bit offsets). */
const MAX_BYTES = 2 ** 31 - 2 ** 16;

const align16 = (v: number) => Math.ceil(v / 16) * 16;

/** Byte offsets of the engine's regions in kernel memory (layout in kernel.as). */
export function wasmLayout(n: number, d: number, k: number) {
  const nBlocks = Math.ceil(n / 4);
  const xt = 1024;
  const rows = align16(xt + nBlocks * d * 16);
  const scratch = align16(rows + k * (d + 2) * 4);
  const out = align16(scratch + (d > 8 ? k * 16 : 0));
  const sums = align16(out + nBlocks * 16);
  const counts = align16(sums + k * d * 8);
  const total = align16(counts + k * 4);
  return { nBlocks, xt, rows, scratch, out, sums, counts, total };
}

/** True when n points of d dims with k codewords fit the WASM engine's memory. */
export function fitsWasm(n: number, d: number, k: number): boolean {
  return wasmLayout(n, d, k).total <= MAX_BYTES;
}

/** A WASM engine over the (n x d) points `x` (copied into kernel memory, transposed in blocks of 4). */
export function createWasmEngine(module: KernelModule, x: Float32Array, n: number, d: number, k: number): LloydEngine {
  const L = wasmLayout(n, d, k);
  if (L.total > MAX_BYTES) {
    throw new Error(`the WASM k-means engine needs ${L.total} bytes for n=${n}, d=${d}, k=${k}, over its 2 GB limit: use backend 'ts' or fewer points`);
  }
  const ex = instantiateKernel(module, L.total);
  const buf = ex.memory.buffer;
  const xt = new Float32Array(buf, L.xt, L.nBlocks * d * 4); // blocks of (d x 4)
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const o = (i >> 2) * d * 4 + (i & 3);
    for (let j = 0; j < d; j++) xt[o + j * 4] = x[p + j];
  }
  const stride = d + 2;
  const rowsF = new Float32Array(buf, L.rows, k * stride); // (k x (d + 2)): ||c||², c, -2c
  const rowsI = new Int32Array(buf, L.rows, k * stride);
  const norms = new Float32Array(k);
  const sums = new Float64Array(buf, L.sums, k * d);
  const counts = new Uint32Array(buf, L.counts, k);
  const assignments = new Uint32Array(buf, L.out, n);

  return {
    backend: 'wasm', n, d, k, assignments, sums, counts,
    setCodebook(cb: Float32Array): void {
      codewordNorms(cb, k, d, norms);
      for (let c = 0; c < k; c++) {
        const r = c * stride;
        rowsF[r] = norms[c];
        rowsI[r + 1] = c;
        for (let j = 0; j < d; j++) rowsF[r + 2 + j] = -2 * cb[c * d + j];
      }
    },
    pass(withSums: boolean): number {
      ex.assignBlocks(L.xt, 0, L.nBlocks, d, L.rows, k, L.scratch, L.out);
      if (withSums) { sums.fill(0); counts.fill(0); }
      return ex.accumulate(L.xt, 0, n, d, L.out, L.rows, withSums ? 1 : 0, L.sums, L.counts);
    },
  };
}
