/**
 * Lloyd k-means on several Node worker threads, for the benchmark only: each thread holds a contiguous
 * part of the points in its own instance of the PQ kernel (src/core/pq/wasm), the main thread merges
 * the per-part float64 sums in part order and runs the same update / empty-cluster repair as the core.
 * Results equal the single-thread ones up to the float64 summation order of the merged sums.
 */
import { Worker } from 'node:worker_threads';
import { codewordNorms } from '../src/core/pq/engine';
import type { LloydEngine } from '../src/core/pq/engine';
import { wasmLayout } from '../src/core/pq/engine-wasm';
import { updateCentroids } from '../src/core/pq/update';
import { loadKernel } from '../src/core/pq/wasm/load';

/** Plain-JS worker (eval'd, so it needs no TS loader): one kernel instance over its part of the points. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, x, n, d, k, L } = workerData;
const ex = new WebAssembly.Instance(module, {}).exports;
const have = ex.memory.buffer.byteLength;
if (L.total > have) ex.memory.grow(Math.ceil((L.total - have) / 65536));
const buf = ex.memory.buffer;
const xt = new Float32Array(buf, L.xt, L.nBlocks * d * 4);
for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) xt[(i >> 2) * d * 4 + (i & 3) + j * 4] = x[i * d + j];
const rows = new Uint8Array(buf, L.rows, k * (d + 2) * 4);
const sums = new Float64Array(buf, L.sums, k * d);
const counts = new Uint32Array(buf, L.counts, k);
const assignments = new Uint32Array(buf, L.out, n);
parentPort.on('message', (m) => {
  rows.set(new Uint8Array(m.rows));
  ex.assignBlocks(L.xt, 0, L.nBlocks, d, L.rows, k, L.scratch, L.out);
  sums.fill(0); counts.fill(0);
  const inertia = ex.accumulate(L.xt, 0, n, d, L.out, L.rows, m.accumulate ? 1 : 0, L.sums, L.counts);
  const out = { inertia, sums: sums.slice(), counts: counts.slice(), assignments: assignments.slice() };
  parentPort.postMessage(out, [out.sums.buffer, out.counts.buffer, out.assignments.buffer]);
});
`;

interface PartResult { inertia: number; sums: Float64Array; counts: Uint32Array; assignments: Uint32Array }

/** Result of parallelKmeans (the fields bench/kmeans.ts reports). */
export interface ParallelKmeansResult { codebook: Float32Array; inertia: number; iterations: number; inertiaHistory: number[] }

/**
 * `iterations` Lloyd iterations (tol 0) from the (k x d) `init` on `threads` worker threads, then a final
 * assignment; the threads start (and copy their points) inside the timed call, like the single-thread run.
 */
export async function parallelKmeans(x: Float32Array, n: number, d: number, k: number, init: Float32Array, iterations: number, threads: number): Promise<ParallelKmeansResult> {
  const module = await loadKernel();
  if (!module) throw new Error('parallel k-means needs WebAssembly SIMD128');
  const per = Math.ceil(n / threads / 4) * 4; // parts start on block boundaries
  const parts = Array.from({ length: threads }, (_, t) => [t * per, Math.min(n, (t + 1) * per)] as const).filter(([a, b]) => b > a);
  const workers = parts.map(([a, b]) => new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module, x: x.slice(a * d, b * d), n: b - a, d, k, L: wasmLayout(b - a, d, k) },
  }));
  const stride = d + 2;
  const rowsF = new Float32Array(k * stride);
  const rowsI = new Int32Array(rowsF.buffer);
  const norms = new Float32Array(k);
  const codebook = init.slice();
  const merged: LloydEngine = {
    backend: 'wasm', n, d, k,
    sums: new Float64Array(k * d), counts: new Uint32Array(k), assignments: new Uint32Array(n),
    setCodebook: () => {}, pass: () => 0,
  };

  async function pass(accumulate: boolean): Promise<number> {
    codewordNorms(codebook, k, d, norms);
    for (let c = 0; c < k; c++) {
      rowsF[c * stride] = norms[c];
      rowsI[c * stride + 1] = c;
      for (let j = 0; j < d; j++) rowsF[c * stride + 2 + j] = -2 * codebook[c * d + j];
    }
    const results = await Promise.all(workers.map((w) => new Promise<PartResult>((resolve, reject) => {
      w.once('error', reject);
      w.once('message', (m: PartResult) => { w.off('error', reject); resolve(m); });
      w.postMessage({ rows: rowsF.buffer, accumulate });
    })));
    merged.sums.fill(0);
    merged.counts.fill(0);
    let inertia = 0;
    results.forEach((r, t) => {
      inertia += r.inertia;
      merged.assignments.set(r.assignments, parts[t][0]);
      for (let i = 0; i < k * d; i++) merged.sums[i] += r.sums[i];
      for (let c = 0; c < k; c++) merged.counts[c] += r.counts[c];
    });
    return inertia;
  }

  try {
    const history: number[] = [];
    for (let it = 0; it < iterations; it++) {
      history.push(await pass(true));
      updateCentroids(merged, x, codebook);
    }
    const inertia = await pass(false);
    history.push(inertia);
    return { codebook, inertia, iterations, inertiaHistory: history };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
