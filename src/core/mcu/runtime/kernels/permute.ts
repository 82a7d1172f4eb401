import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';

/**
 * Permute (the `permute` op): writes the output g.outH x g.outW x g.outC in order, output axes H, W, C
 * advancing the input by g.kh, g.kw, g.mult floats.
 */
export function permute(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, c: Counters): void {
  const { outH, outW, outC, kh, kw, mult } = g;
  let i = yo;
  for (let a = 0; a < outH; a++) {
    for (let b = 0; b < outW; b++) {
      const p = xo + a * kh + b * kw;
      for (let k = 0; k < outC; k++) y[i++] = x[p + k * mult];
    }
  }
  const n = outH * outW * outC;
  c.elementOps += n; c.actRead += 4 * n; c.actWritten += 4 * n;
}
