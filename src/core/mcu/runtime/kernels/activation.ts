/**
 * Activation functions in float32 arithmetic: every intermediate is rounded to float32 (Math.fround), so
 * the results are those of the C runtime's float code (up to the last bit of expf/tanhf for sigmoid, tanh
 * and softmax). Codes are ACT in src/core/program/program.ts.
 */
const f = Math.fround;

/** tfjs' erf approximation (Abramowitz and Stegun 7.1.26, tfjs-core erf_util), in float32. */
const ERF = [0.3275911, 0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429].map(f);
/** tfjs' softplus cut-off: log(float32 epsilon) + 2. */
const SOFTPLUS_T = f(Math.log(1.1920928955078125e-7) + 2);
const SELU_SCALE = f(1.0507009873554805);
const SELU_SCALE_ALPHA = f(1.7580993408473768);
const SQRT2 = f(Math.SQRT2);
const GELU_C = f(Math.sqrt(2 / Math.PI));
const C0_2 = f(0.2), C0_044715 = f(0.044715);

const sigmoid = (v: number): number => f(1 / f(1 + f(Math.exp(-v))));

/** softplus as tfjs computes it: exp(x) below the cut-off, x above its negation, log(1 + exp(x)) between. */
export function softplus(v: number): number {
  const e = f(Math.exp(v));
  return v < SOFTPLUS_T ? e : v > -SOFTPLUS_T ? v : f(Math.log(f(1 + e)));
}

/** erf(v) with tfjs' polynomial approximation. */
export function erf(v: number): number {
  const [p, a1, a2, a3, a4, a5] = ERF;
  const a = Math.abs(v);
  const t = f(1 / f(1 + f(p * a)));
  const poly = f(f(f(f(f(f(f(f(a5 * t) + a4) * t) + a3) * t) + a2) * t) + a1);
  const r = f(1 - f(f(poly * t) * f(Math.exp(f(-f(a * a))))));
  return v < 0 ? -r : v > 0 ? r : 0;
}

/**
 * Applies activation `act` (not softmax: see softmaxRows) to one value: the tfjs-layers 4.22 definitions
 * (ELU with alpha 1; hard sigmoid clip(0.2 x + 0.5, 0, 1); gelu the erf form, gelu_new the tanh one).
 */
export function activate(v: number, act: number): number {
  switch (act) {
    case 1: return v > 0 ? v : 0;
    case 2: return v > 0 ? (v < 6 ? v : 6) : 0;
    case 3: return sigmoid(v);
    case 4: return f(Math.tanh(v));
    case 6: return v >= 0 ? v : f(f(Math.exp(v)) - 1);
    case 7: return v >= 0 ? f(SELU_SCALE * v) : f(SELU_SCALE_ALPHA * f(f(Math.exp(v)) - 1));
    case 8: return softplus(v);
    case 9: return f(v / f(Math.abs(v) + 1));
    case 10: return f(sigmoid(v) * v);
    case 11: return f(v * f(Math.tanh(softplus(v))));
    case 12: return f(v * f(0.5 * f(1 + erf(f(v / SQRT2)))));
    case 13: return f(0.5 * f(v * f(1 + f(Math.tanh(f(GELU_C * f(v + f(C0_044715 * f(f(v * v) * v)))))))));
    case 14: { const h = f(f(C0_2 * v) + 0.5); return h < 0 ? 0 : h > 1 ? 1 : h; }
    default: return v;
  }
}

/** Applies `act` in place to y[o .. o + n). Softmax treats the range as rows of `c` values. */
export function activateRange(y: Float32Array, o: number, n: number, c: number, act: number): void {
  if (act === 0) return;
  if (act === 5) { softmaxRows(y, o, n / c, c); return; }
  for (let i = o; i < o + n; i++) y[i] = activate(y[i], act);
}

/** Softmax of `rows` rows of `c` values in place: e = exp(x - max), y = e / sum(e). */
export function softmaxRows(y: Float32Array, o: number, rows: number, c: number): void {
  for (let r = 0; r < rows; r++) {
    const b = o + r * c;
    let m = y[b];
    for (let i = 1; i < c; i++) if (y[b + i] > m) m = y[b + i];
    let s = 0;
    for (let i = 0; i < c; i++) {
      const e = f(Math.exp(f(y[b + i] - m)));
      y[b + i] = e;
      s = f(s + e);
    }
    for (let i = 0; i < c; i++) y[b + i] = f(y[b + i] / s);
  }
}
