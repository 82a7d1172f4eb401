/**
 * Activation functions in float32 arithmetic: every intermediate is rounded to float32 (Math.fround), so
 * the results are those of the C runtime's float code (up to the last bit of expf/tanhf for sigmoid, tanh
 * and softmax). Codes are ACT in src/core/program/program.ts.
 */
const f = Math.fround;

/** Applies activation `act` (not softmax: see softmaxRows) to one value. */
export function activate(v: number, act: number): number {
  switch (act) {
    case 1: return v > 0 ? v : 0;
    case 2: return v > 0 ? (v < 6 ? v : 6) : 0;
    case 3: return f(1 / f(1 + f(Math.exp(-v))));
    case 4: return f(Math.tanh(v));
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
