/** k-means in a worker: the core's kmeans, progress through a comlink proxy, buffers transferred both ways. */
import * as Comlink from 'comlink';
import { kmeans } from '../core/pq/kmeans';
import type { KMeansOptions, KMeansResult } from '../core/pq/kmeans';
import type { ProgressFn } from '../core/util/progress';

/** Options that cross the thread boundary (callbacks go as separate proxied arguments). */
export type KmeansWorkerOptions = Omit<KMeansOptions, 'onProgress' | 'shouldCancel'>;

const api = {
  /** Runs kmeans on the (n x d) points x (send x.buffer as a transfer); the result's buffers come back transferred. */
  async kmeans(x: Float32Array, n: number, d: number, opts: KmeansWorkerOptions, onProgress?: ProgressFn): Promise<KMeansResult> {
    const r = await kmeans(x, n, d, { ...opts, onProgress: onProgress ? (p) => void onProgress(p) : undefined });
    return Comlink.transfer(r, [r.codebook.buffer, r.assignments.buffer]);
  },
};

/** The worker's API, for createWorkerBridge<KmeansWorkerApi>. */
export type KmeansWorkerApi = typeof api;

Comlink.expose(api);
