/**
 * Small dense linear algebra on row-major float64 matrices, for the data-aware encoders (GPTQ, weighted
 * k-means, codebook re-estimation). Matrices here are symmetric positive (semi-)definite second moments.
 */

/**
 * Lower Cholesky factor L of the n × n symmetric matrix A (A = L Lᵀ). A pivot that is not positive (A only
 * semi-definite, or rounding) is floored at a tiny fraction of the largest diagonal value instead of failing.
 */
export function cholesky(A: Float64Array, n: number): Float64Array {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, A[i * n + i]);
  const floor = Math.max(maxDiag, 1e-300) * 1e-12;
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let s = A[rj + j];
    for (let k = 0; k < j; k++) s -= L[rj + k] * L[rj + k];
    const ljj = Math.sqrt(s > floor ? s : floor);
    L[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let v = A[ri + j];
      for (let k = 0; k < j; k++) v -= L[ri + k] * L[rj + k];
      L[ri + j] = v / ljj;
    }
  }
  return L;
}

/** The inverse of an n × n lower triangular matrix (lower triangular). */
export function lowerInverse(L: Float64Array, n: number): Float64Array {
  const X = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    X[j * n + j] = 1 / L[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += L[i * n + k] * X[k * n + j];
      X[i * n + j] = -s / L[i * n + i];
    }
  }
  return X;
}

/**
 * The solution x of A x = b for a small d × d matrix (Gaussian elimination with partial pivoting), or null
 * when A is singular.
 */
export function solveSmall(A: Float64Array, b: Float64Array, d: number): Float64Array | null {
  const M = A.slice();
  const x = b.slice();
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r * d + c]) > Math.abs(M[p * d + c])) p = r;
    if (!(Math.abs(M[p * d + c]) > 1e-300)) return null;
    if (p !== c) {
      for (let j = 0; j < d; j++) { const t = M[c * d + j]; M[c * d + j] = M[p * d + j]; M[p * d + j] = t; }
      const t = x[c]; x[c] = x[p]; x[p] = t;
    }
    for (let r = c + 1; r < d; r++) {
      const f = M[r * d + c] / M[c * d + c];
      if (f === 0) continue;
      for (let j = c; j < d; j++) M[r * d + j] -= f * M[c * d + j];
      x[r] -= f * x[c];
    }
  }
  for (let c = d - 1; c >= 0; c--) {
    let s = x[c];
    for (let j = c + 1; j < d; j++) s -= M[c * d + j] * x[j];
    x[c] = s / M[c * d + c];
  }
  return x;
}

/** The inverse of a small symmetric positive definite d × d matrix (through its Cholesky factor). */
export function invertSmall(A: Float64Array, d: number): Float64Array {
  const Li = lowerInverse(cholesky(A, d), d);
  const X = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < d; k++) s += Li[k * d + i] * Li[k * d + j];
      X[i * d + j] = s;
      X[j * d + i] = s;
    }
  }
  return X;
}
