/** The M-step of Lloyd's algorithm: centroids from cluster sums, with empty-cluster repair. */
import type { LloydEngine } from './engine';

/**
 * Picks up to `want` points to re-seed empty clusters: the farthest from their assigned centroid
 * (float64 distance; ties to the lower index), never the last point of a cluster and never a point
 * that already sits on its centroid. Updates `counts` for the donors as it goes.
 */
function farthestDonors(x: Float32Array, n: number, d: number, codebook: Float32Array, assignments: Uint32Array, counts: Uint32Array, want: number): number[] {
  const dist = new Float64Array(n);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const r = assignments[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = x[p + j] - codebook[r + j];
      s += e * e;
    }
    dist[i] = s;
  }
  const picked: number[] = [];
  const take = (i: number): void => {
    const a = assignments[i];
    if (counts[a] <= 1) return;
    counts[a]--;
    picked.push(i);
  };
  if (want <= 16) {
    // a few empties (the usual case): repeated scans for the farthest point not looked at yet
    for (;;) {
      let best = -1;
      for (let i = 0; i < n; i++) if (dist[i] > 0 && (best < 0 || dist[i] > dist[best])) best = i;
      if (best < 0) break;
      dist[best] = 0;
      take(best);
      if (picked.length === want) break;
    }
    return picked;
  }
  let m = 0;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) if (dist[i] > 0) order[m++] = i;
  const sorted = order.subarray(0, m).sort((a, b) => dist[b] - dist[a] || a - b);
  for (let t = 0; t < m && picked.length < want; t++) take(sorted[t]);
  return picked;
}

/**
 * Replaces `codebook` (k x d) by the means of the clusters in `engine.sums` / `engine.counts` (after an
 * accumulating pass with this codebook). Each empty cluster is re-seeded with the point farthest from
 * its centroid, which leaves its old cluster (sklearn's rule); with no such point the empty cluster
 * keeps its codeword. Returns the number of clusters re-seeded.
 */
export function updateCentroids(engine: LloydEngine, x: Float32Array, codebook: Float32Array): number {
  const { n, d, k, sums, counts, assignments } = engine;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    const donors = farthestDonors(x, n, d, codebook, assignments, counts, empty.length);
    for (let e = 0; e < donors.length; e++) {
      const i = donors[e];
      const from = assignments[i] * d;
      const to = empty[e] * d;
      for (let j = 0; j < d; j++) {
        sums[from + j] -= x[i * d + j];
        sums[to + j] = x[i * d + j];
      }
      counts[empty[e]] = 1;
      assignments[i] = empty[e];
    }
  }
  for (let c = 0, r = 0; c < k; c++, r += d) {
    const cnt = counts[c];
    if (cnt === 0) continue;
    for (let j = 0; j < d; j++) codebook[r + j] = sums[r + j] / cnt;
  }
  return empty.length;
}
