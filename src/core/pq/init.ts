/** Seeded k-means initializations: k-means++ (D² sampling) and its cheaper subsampled variant. */
import type { Rng } from '../util/random';
import { sampleIndices } from '../util/random';

/** Work budget (point-to-centre distance terms, m * k * d) of 'sampled'; the default uses k-means++ under it. */
export const INIT_BUDGET = 2 ** 26;

/** How the initial centroids are chosen: a method or explicit (k x d) centroids. */
export type KMeansInit = 'kmeans++' | 'sampled' | Float32Array;

/**
 * k-means++ over the candidate points `cand` (indices into the (n x d) x): the first centre uniform,
 * each next one drawn with probability proportional to its squared distance (float64) to the nearest
 * centre so far. When every candidate sits on a centre, the next one is drawn uniformly.
 */
export function kmeansPlusPlus(x: Float32Array, d: number, cand: Uint32Array, k: number, rng: Rng): Float32Array {
  const m = cand.length;
  if (k > m) throw new Error(`kmeans++: ${k} centres asked from ${m} candidates; lower k or give more points`);
  const out = new Float32Array(k * d); // (k x d)
  const dist = new Float64Array(m).fill(Infinity);
  let pick = rng.int(m);
  for (let c = 0; c < k; c++) {
    const src = cand[pick] * d;
    for (let j = 0; j < d; j++) out[c * d + j] = x[src + j];
    if (c === k - 1) break;
    let total = 0;
    const o = c * d;
    for (let i = 0; i < m; i++) {
      const p = cand[i] * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const e = x[p + j] - out[o + j];
        s += e * e;
      }
      if (s < dist[i]) dist[i] = s;
      total += dist[i];
    }
    if (total > 0) {
      let r = rng() * total;
      pick = m - 1;
      for (let i = 0; i < m; i++) {
        r -= dist[i];
        if (r < 0) { pick = i; break; }
      }
      while (dist[pick] === 0 && pick > 0) pick--; // float round-off at the end of the walk
    } else {
      pick = rng.int(m);
    }
  }
  return out;
}

/**
 * Initial (k x d) centroids. 'kmeans++' uses every point; 'sampled' runs k-means++ on a seeded
 * subsample of INIT_BUDGET / (k d) points (at least k), and just takes k distinct random points
 * when even that is out of budget. Without `init`, k-means++ when n k d fits the budget, else 'sampled'.
 */
export function initCentroids(x: Float32Array, n: number, d: number, k: number, init: KMeansInit | undefined, rng: Rng): Float32Array {
  if (init instanceof Float32Array) {
    if (init.length !== k * d) throw new Error(`kmeans: init centroids have ${init.length} values, need k * d = ${k * d}`);
    return init.slice();
  }
  const method = init ?? (n * k * d <= INIT_BUDGET ? 'kmeans++' : 'sampled');
  if (method === 'kmeans++') {
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return kmeansPlusPlus(x, d, all, k, rng);
  }
  if (method !== 'sampled') throw new Error(`kmeans: unknown init '${String(method)}'; use 'kmeans++', 'sampled' or a Float32Array`);
  const m = Math.min(n, Math.max(k, Math.floor(INIT_BUDGET / (k * d))));
  const cand = sampleIndices(n, m, rng);
  if (m > k) return kmeansPlusPlus(x, d, cand, k, rng);
  const out = new Float32Array(k * d);
  for (let c = 0; c < k; c++) out.set(x.subarray(cand[c] * d, cand[c] * d + d), c * d);
  return out;
}
