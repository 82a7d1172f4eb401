import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';
import { OP } from '../../../program/program';

const f = Math.fround;

/** Strides (floats) of an h x w x c operand read at every output position: 0 along a broadcast axis. */
export function broadcastStrides(h: number, w: number, c: number): [number, number, number] {
  return [h === 1 ? 0 : w * c, w === 1 ? 0 : c, c === 1 ? 0 : 1];
}

/**
 * One step of an element-wise merge (the `mul`, `maximum`, `minimum` and `average` ops): y = a (op) b over
 * the output g.outH x g.outW x g.outC, `a` being g.inH x g.inW x g.inC and `b` g.kh x g.kw x g.mult, a
 * dimension of 1 broadcasting. average: y = (a + b) * scale. May run in place (y = a, a full-size).
 */
export function merge(code: number, a: Float32Array, ao: number, b: Float32Array, bo: number, y: Float32Array, yo: number,
  g: Geometry, scale: number, c: Counters): void {
  const [a0, a1, a2] = broadcastStrides(g.inH, g.inW, g.inC);
  const [b0, b1, b2] = broadcastStrides(g.kh, g.kw, g.mult);
  let i = yo;
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      let pa = ao + oy * a0 + ox * a1, pb = bo + oy * b0 + ox * b1;
      for (let k = 0; k < g.outC; k++, pa += a2, pb += b2) {
        const u = a[pa], v = b[pb];
        y[i++] = code === OP.mul ? f(u * v) : code === OP.maximum ? (u > v ? u : v) : code === OP.minimum ? (u < v ? u : v) : f(f(u + v) * scale);
      }
    }
  }
  const n = g.outH * g.outW * g.outC;
  c.elementOps += 2 * n; c.actRead += 8 * n; c.actWritten += 4 * n;
}
