import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';

/**
 * One input of a concatenation (the `concat` op): its g.inH rows of g.inC values are written at y[yo..]
 * with a row stride of g.outC values (the output's block along and after the concatenation axis).
 */
export function concat(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, c: Counters): void {
  const { inH: rows, inC: n, outC: stride } = g;
  for (let r = 0; r < rows; r++) {
    const xb = xo + r * n, yb = yo + r * stride;
    for (let k = 0; k < n; k++) y[yb + k] = x[xb + k];
  }
  c.elementOps += rows * n; c.actRead += 4 * rows * n; c.actWritten += 4 * rows * n;
}
