/**
 * Lloyd's two steps for the Learn demo, one at a time so each can be drawn: the assignment (E) and the
 * centroid update (M). Float64 throughout, so the inertia never rises by rounding. The PQ engine's
 * `kmeans` runs the same iteration to the end in one call (with empty-cluster repair, which the demo
 * leaves out: an empty codeword simply stays where it is).
 */

/** E-step: nearest centroid of each point into `out`; returns the inertia (sum of squared distances). */
export function assignStep(x: Float64Array, n: number, d: number, c: Float64Array, k: number, out: Int32Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) { const v = x[i * d + t] - c[j * d + t]; s += v * v; }
      if (s < bestD) { bestD = s; best = j; }
    }
    out[i] = best;
    inertia += bestD;
  }
  return inertia;
}

/** M-step: each centroid moves to the mean of its points; an empty one stays. Returns new (k x d). */
export function updateStep(x: Float64Array, n: number, d: number, a: Int32Array, c: Float64Array, k: number): Float64Array {
  const sum = new Float64Array(k * d);
  const cnt = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const j = a[i];
    cnt[j]++;
    for (let t = 0; t < d; t++) sum[j * d + t] += x[i * d + t];
  }
  const next = new Float64Array(c);
  for (let j = 0; j < k; j++) {
    if (cnt[j] === 0) continue;
    for (let t = 0; t < d; t++) next[j * d + t] = sum[j * d + t] / cnt[j];
  }
  return next;
}

/** Inertia of fixed assignments against centroids. */
export function inertiaOf(x: Float64Array, n: number, d: number, a: Int32Array, c: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) { const v = x[i * d + t] - c[a[i] * d + t]; s += v * v; }
  }
  return s;
}

/** Points per centroid. */
export function clusterSizes(a: Int32Array, k: number): Int32Array {
  const cnt = new Int32Array(k);
  for (let i = 0; i < a.length; i++) cnt[a[i]]++;
  return cnt;
}
