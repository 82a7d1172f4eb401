import type { Counters } from '../counters';
import { OP } from '../../../program/program';

const f = Math.fround;

/**
 * The element-wise ops with parameters over n values, as tfjs-layers computes them in float32:
 * leakyRelu [alpha] (x < 0 ? alpha x : x), thresholdedRelu [theta] (x > theta ? x : 0), clippedRelu
 * [maxValue] (min(max(x, 0), maxValue)), rescale [scale, offset] (x scale + offset), fakeQuant [scale,
 * zeroPoint, qmin, qmax] ((clamp(round(x / scale) + zeroPoint, qmin, qmax) - zeroPoint) scale, rounding
 * half away from zero). May run in place.
 */
export function pointwise(code: number, x: Float32Array, xo: number, y: Float32Array, yo: number, n: number, p: Float32Array, c: Counters): void {
  const p0 = p[0], p1 = p[1], p2 = p[2], p3 = p[3];
  for (let i = 0; i < n; i++) {
    const v = x[xo + i];
    let r: number;
    switch (code) {
      case OP.leakyRelu: r = v < 0 ? f(p0 * v) : v; break;
      case OP.thresholdedRelu: r = v > p0 ? v : 0; break;
      case OP.clippedRelu: r = v > 0 ? (v < p0 ? v : p0) : 0; break;
      case OP.rescale: r = f(f(v * p0) + p1); break;
      default: {
        const s = f(v / p0);
        const q = f(Math.floor(f(Math.abs(s) + 0.5)) * Math.sign(s) + p1);
        r = f(f((q < p2 ? p2 : q > p3 ? p3 : q) - p1) * p0);
      }
    }
    y[yo + i] = r;
  }
  c.elementOps += n; c.actRead += 4 * n; c.actWritten += 4 * n;
}
