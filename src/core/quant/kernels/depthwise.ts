/**
 * Int8 depthwise convolution (multiplier outC / inC; output channel u reads input channel u / mult), the
 * reference of the C kernel: acc = bias + Σ over valid taps of (x − inZp)·w, then requantise.
 */
import { requantize } from '../requantize';
import { tapRanges } from '../../models/shapes';
import type { S8Geometry, S8Quant } from './types';

/** Output of a depthwise convolution with `kernel` in the TensorFlow layout (kh x kw x inC x mult). */
export function depthwiseS8(g: S8Geometry, kernel: Int8Array, q: S8Quant, x: Int8Array): Int8Array {
  const mult = g.outC / g.inC;
  if (!Number.isInteger(mult) || kernel.length !== g.kh * g.kw * g.outC) throw new RangeError(`depthwise kernel of ${kernel.length} values does not fit ${g.kh}x${g.kw}, ${g.inC} -> ${g.outC} channels`);
  const y = new Int8Array(g.outH * g.outW * g.outC);
  const ry = tapRanges(g.outH, g.inH, g.kh, g.sh, g.dh, g.padT);
  const rx = tapRanges(g.outW, g.inW, g.kw, g.sw, g.dw, g.padL);
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    for (let ox = 0; ox < g.outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      for (let u = 0; u < g.outC; u++) {
        const ci = Math.floor(u / mult);
        let acc = q.bias ? q.bias[u] : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const iy = oy * g.sh - g.padT + ky * g.dh;
          for (let kx = kx0; kx < kx1; kx++) {
            const ix = ox * g.sw - g.padL + kx * g.dw;
            acc += (x[(iy * g.inW + ix) * g.inC + ci] - q.inZp) * kernel[(ky * g.kw + kx) * g.outC + u];
          }
        }
        y[(oy * g.outW + ox) * g.outC + u] = requantize(acc, q.mult[u], q.shift[u], q.outZp, q.actMin, q.actMax);
      }
    }
  }
  return y;
}
