/**
 * The project's one PCA: 2-D views of d-dimensional subvectors, on their two principal axes (Jacobi
 * eigen-decomposition of the d x d covariance). The Learn demo draws d = 2 as it is (`fitProjection`); the
 * Codebook step's views project every group on its principal plane (`pca2`). Fixed once per picture, so
 * points and centroids move in the same plane.
 */

/** A linear map from d dimensions to the plane. */
export interface Projection {
  d: number;
  /** (d) subtracted first (zeros for d = 2). */
  mean: Float64Array;
  /** (2 x d) rows are the axes. */
  axes: Float64Array;
  /** Share of the variance along each axis, [0, 1] (1, 1 for d = 2). */
  explained: [number, number];
  /** True when the axes are principal components (d > 2). */
  isPca: boolean;
}

/** Eigen-decomposition of a symmetric (n x n) matrix by cyclic Jacobi rotations: values, vectors (columns). */
export function symmetricEigen(a0: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = new Float64Array(a0);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) { // A <- A J (columns p, q)
          const akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) { // A <- J^T A (rows p, q)
          const apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}

/**
 * The PCA of (n x d) points (d >= 1): their mean, the top two principal axes (the second is zero for
 * d = 1) with a deterministic orientation (largest component positive) and the share of the variance on
 * each; constant points give zero shares.
 */
export function pca2(x: ArrayLike<number>, n: number, d: number): Projection {
  if (x.length !== n * d) throw new Error(`pca2: ${x.length} values are not ${n} rows of ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += x[i * d + t] / n;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < d; p++) {
      const vp = x[i * d + p] - mean[p];
      for (let q = p; q < d; q++) cov[p * d + q] += (vp * (x[i * d + q] - mean[q])) / n;
    }
  }
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) cov[p * d + q] = cov[q * d + p];
  const { values, vectors } = symmetricEigen(cov, d);
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => values[j] - values[i] || i - j);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0) || 1;
  const axes = new Float64Array(2 * d);
  const explained: [number, number] = [0, 0];
  for (let r = 0; r < Math.min(2, d); r++) {
    const col = order[r];
    let big = 0;
    for (let t = 0; t < d; t++) if (Math.abs(vectors[t * d + col]) > Math.abs(big)) big = vectors[t * d + col];
    const sign = big < 0 ? -1 : 1; // deterministic orientation
    for (let t = 0; t < d; t++) axes[r * d + t] = sign * vectors[t * d + col];
    explained[r] = Math.max(0, values[col]) / total;
  }
  return { d, mean, axes, explained, isPca: true };
}

/** The Learn demo's projection of (n x d) points: identity for d = 2, the top two principal axes otherwise. */
export function fitProjection(x: Float64Array, n: number, d: number): Projection {
  if (d === 2) return { d, mean: new Float64Array(2), axes: new Float64Array([1, 0, 0, 1]), explained: [1, 1], isPca: false };
  return pca2(x, n, d);
}

/** Projects (n x d) points to (n x 2). */
export function project(p: Projection, x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * 2);
  const d = p.d;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < 2; r++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (x[i * d + t] - p.mean[t]) * p.axes[r * d + t];
      out[i * 2 + r] = s;
    }
  }
  return out;
}
