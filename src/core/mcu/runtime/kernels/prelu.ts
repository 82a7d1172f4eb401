import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';
import { broadcastStrides } from './merge';

const f = Math.fround;

/** PReLU (the `prelu` op): y = x < 0 ? alpha * x : x, alpha (g.kh x g.kw x g.mult) broadcast over the output. */
export function prelu(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, alpha: Float32Array, c: Counters): void {
  const [s0, s1, s2] = broadcastStrides(g.kh, g.kw, g.mult);
  let i = 0;
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      let p = oy * s0 + ox * s1;
      for (let k = 0; k < g.outC; k++, p += s2, i++) {
        const v = x[xo + i];
        y[yo + i] = v < 0 ? f(alpha[p] * v) : v;
      }
    }
  }
  c.elementOps += i; c.actRead += 4 * i; c.actWritten += 4 * i; c.flashBytes += 4 * alpha.length;
}
