/** k-means for PQ codebooks: seeded init, Lloyd iterations on the WASM SIMD (or TS) engine, repair. */
import type { CancelCheck, ProgressFn } from '../util/progress';
import { throwIfCancelled } from '../util/progress';
import { createRng } from '../util/random';
import type { Backend } from './engine';
import { createEngine } from './engine-create';
import { checkPoints, indexArray } from './check';
import { initCentroids } from './init';
import type { KMeansInit } from './init';
import { updateCentroids } from './update';

/** Options of kmeans(). */
export interface KMeansOptions {
  /** Number of codewords (1 <= k <= n). */
  k: number;
  /** Lloyd iterations at most (default 100); 0 returns the initial centroids with their assignment. */
  maxIter?: number;
  /** Stop when the relative inertia decrease (prev - cur) / prev of an iteration is <= tol (default 1e-4); 0 = always run maxIter. */
  tol?: number;
  /** Seed of the init (default 0): the same seed gives the same codebook. */
  seed?: number;
  /** 'kmeans++', 'sampled' (k-means++ on a seeded subsample, for large n) or fixed (k x d) centroids; default picks by n * k * d. */
  init?: KMeansInit;
  /** Called once per iteration (phase 'kmeans'). */
  onProgress?: ProgressFn;
  /** Polled before every iteration; true stops the run with a CancelledError. */
  shouldCancel?: CancelCheck;
  /** Engine of the hot loop (default 'auto': WASM SIMD when available). Both give the same results. */
  backend?: Backend;
}

/** What kmeans() returns. */
export interface KMeansResult {
  /** (k x d) final codewords. */
  codebook: Float32Array;
  /** (n) nearest codeword of every point for the final codebook; Uint16Array when k <= 65536. */
  assignments: Uint16Array | Uint32Array;
  /** Sum of squared distances of the points to their codewords (float64) for the final codebook. */
  inertia: number;
  /** Lloyd iterations run (assignment + update). */
  iterations: number;
  /** Inertia of the assignment step of every iteration, then the final one (length iterations + 1); never increases. */
  inertiaHistory: number[];
  /** Engine that ran. */
  backend: 'wasm' | 'ts';
}

/**
 * Clusters the (n x d) points x into k codewords: seeded init, then Lloyd iterations (assign every
 * point to its nearest codeword, move each codeword to the mean of its points, re-seed empty clusters
 * with the farthest points) until maxIter or the tolerance, then a final assignment so the returned
 * assignments and inertia match the returned codebook. Deterministic for a seed, on either engine.
 */
export async function kmeans(x: Float32Array, n: number, d: number, opts: KMeansOptions): Promise<KMeansResult> {
  checkPoints('kmeans', x, n, d);
  const { k, maxIter = 100, tol = 1e-4, seed = 0 } = opts;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`kmeans: k must be an integer in 1..n (n = ${n}), got ${k}; lower k or give more subvectors`);
  if (!Number.isInteger(maxIter) || maxIter < 0) throw new Error(`kmeans: maxIter must be a non-negative integer, got ${maxIter}`);
  if (!(tol >= 0)) throw new Error(`kmeans: tol must be >= 0, got ${tol}`);

  const codebook = initCentroids(x, n, d, k, opts.init, createRng(seed));
  await throwIfCancelled(opts.shouldCancel);
  const engine = await createEngine(x, n, d, k, opts.backend);
  const history: number[] = [];
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    await throwIfCancelled(opts.shouldCancel);
    engine.setCodebook(codebook);
    const inertia = engine.pass(true);
    history.push(inertia);
    updateCentroids(engine, x, codebook);
    iterations++;
    opts.onProgress?.({ fraction: iterations / maxIter, phase: 'kmeans', message: `iteration ${iterations}/${maxIter}, inertia ${inertia.toPrecision(6)}` });
    if (it > 0 && tol > 0 && history[it - 1] - inertia <= tol * history[it - 1]) break;
  }
  engine.setCodebook(codebook);
  const inertia = engine.pass(false);
  history.push(inertia);
  return { codebook, assignments: indexArray(engine.assignments, k), inertia, iterations, inertiaHistory: history, backend: engine.backend };
}
