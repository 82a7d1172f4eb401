/**
 * Agreement of a compressed model with its float model from their output probabilities: the mean KL
 * divergence KL(float ‖ compressed) over samples — the allocation's smooth loss — and the predicted classes.
 */

/** Probabilities below this count as this (a float32 softmax underflows to 0 far from the argmax). */
const FLOOR = 1e-30;

/**
 * Mean over the n = p.length / classes rows of KL(p_i ‖ q_i) = Σ_c p log(p / q), in nats; p and q are
 * (n × classes) probabilities (rows summing to 1). A zero q where p is not is floored (a large, finite KL).
 */
export function meanKL(p: Float32Array, q: Float32Array, classes: number): number {
  if (p.length !== q.length || p.length % classes !== 0) throw new Error(`meanKL: ${p.length} and ${q.length} values are not the same rows of ${classes} classes`);
  const n = p.length / classes;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i];
    if (a <= 0) continue;
    s += a * (Math.log(a) - Math.log(Math.max(q[i], FLOOR)));
  }
  return Math.max(0, s / n);
}

/**
 * The mean KL(p_i ‖ q_i) over rows (as meanKL) and its standard error: the sample standard deviation of the
 * rows' KL over √n (0 for fewer than two rows).
 */
export function klWithError(p: Float32Array, q: Float32Array, classes: number): { kl: number; se: number } {
  if (p.length !== q.length || p.length % classes !== 0) throw new Error(`klWithError: ${p.length} and ${q.length} values are not the same rows of ${classes} classes`);
  const n = p.length / classes;
  if (n === 0) return { kl: 0, se: 0 };
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < n; r++) {
    let k = 0;
    for (let c = r * classes; c < (r + 1) * classes; c++) {
      const a = p[c];
      if (a > 0) k += a * (Math.log(a) - Math.log(Math.max(q[c], FLOOR)));
    }
    s += k;
    s2 += k * k;
  }
  const mean = s / n;
  const v = n > 1 ? Math.max(0, (s2 - n * mean * mean) / (n - 1)) : 0;
  return { kl: Math.max(0, mean), se: Math.sqrt(v / n) };
}

/** The predicted class (argmax; the first on ties) of every row of (n × classes) scores. */
export function argmaxRows(p: Float32Array, classes: number): Int32Array {
  const n = p.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    const o = i * classes;
    for (let c = 1; c < classes; c++) if (p[o + c] > p[o + b]) b = c;
    out[i] = b;
  }
  return out;
}

/** Row-wise softmax of (n × classes) logits, in place; returns `x`. */
export function softmaxRows(x: Float32Array, classes: number): Float32Array {
  for (let o = 0; o < x.length; o += classes) {
    let m = -Infinity;
    for (let c = 0; c < classes; c++) m = Math.max(m, x[o + c]);
    let z = 0;
    for (let c = 0; c < classes; c++) { x[o + c] = Math.exp(x[o + c] - m); z += x[o + c]; }
    for (let c = 0; c < classes; c++) x[o + c] /= z;
  }
  return x;
}
