/**
 * Principal component analysis to two dimensions, for drawing subvectors and codewords in a plane.
 * Covariance (d x d) in float64, top two eigenvectors by power iteration with deflation. Pure.
 */

/** The projection: mean (d), the two axes ((2 x d), unit length) and the share of variance each explains. */
export interface Pca2 {
  mean: Float64Array;
  /** (2 x d) */
  axes: Float64Array;
  explained: [number, number];
}

function powerIteration(c: Float64Array, d: number, iters: number): { v: Float64Array; lambda: number } {
  let v = new Float64Array(d);
  for (let i = 0; i < d; i++) v[i] = 1 / Math.sqrt(d) + (i % 2 ? 1e-3 : -1e-3); // fixed start: deterministic
  let lambda = 0;
  for (let it = 0; it < iters; it++) {
    const w = new Float64Array(d);
    for (let i = 0; i < d; i++) { let s = 0; for (let j = 0; j < d; j++) s += c[i * d + j] * v[j]; w[i] = s; }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += w[i] * w[i];
    norm = Math.sqrt(norm);
    if (norm < 1e-30) return { v, lambda: 0 };
    for (let i = 0; i < d; i++) w[i] /= norm;
    lambda = norm;
    v = w;
  }
  return { v, lambda };
}

/** PCA of the (n x d) rows of `x`. */
export function pca2(x: Float32Array, n: number, d: number, iters = 200): Pca2 {
  if (x.length !== n * d) throw new Error(`pca2: ${x.length} values are not ${n} rows of ${d}`);
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j] += x[r * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  const c = new Float64Array(d * d); // (d x d)
  const row = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) row[j] = x[r * d + j] - mean[j];
    for (let i = 0; i < d; i++) { const a = row[i]; for (let j = 0; j < d; j++) c[i * d + j] += a * row[j]; }
  }
  let trace = 0;
  for (let i = 0; i < d; i++) trace += c[i * d + i];
  const first = powerIteration(c, d, iters);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[i * d + j] -= first.lambda * first.v[i] * first.v[j];
  const second = d > 1 ? powerIteration(c, d, iters) : { v: new Float64Array(d), lambda: 0 };
  const axes = new Float64Array(2 * d);
  axes.set(first.v, 0);
  axes.set(second.v, d);
  const share = (l: number) => (trace > 0 ? Math.min(1, Math.max(0, l / trace)) : 0);
  return { mean, axes, explained: [share(first.lambda), share(second.lambda)] };
}

/** The (n x 2) coordinates of the (n x d) rows of `x` on the PCA's axes. */
export function project(p: Pca2, x: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * 2);
  for (let r = 0; r < n; r++) {
    let a = 0, b = 0;
    for (let j = 0; j < d; j++) { const v = x[r * d + j] - p.mean[j]; a += v * p.axes[j]; b += v * p.axes[d + j]; }
    out[2 * r] = a;
    out[2 * r + 1] = b;
  }
  return out;
}
