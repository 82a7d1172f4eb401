/**
 * Int8 convolution (conv2d, conv1d with H = 1, pointwise, dense as a 1x1 convolution), the plain
 * reference the C kernels must match bit for bit: acc = bias + Σ over valid taps and input channels of
 * (x − inZp)·w, then requantise. Taps in the padding contribute nothing (the padding holds the input zero
 * point, so x − inZp = 0 there).
 */
import { requantize } from '../requantize';
import { tapRanges } from '../../models/shapes';
import type { S8Geometry, S8Quant } from './types';

/**
 * Output (outH x outW x outC) of a convolution with `kernel` in the TensorFlow layout (kh x kw x inC x
 * outC; dense: in x units) on the int8 input `x` (inH x inW x inC).
 */
export function convS8(g: S8Geometry, kernel: Int8Array, q: S8Quant, x: Int8Array): Int8Array {
  if (kernel.length !== g.kh * g.kw * g.inC * g.outC) throw new RangeError(`kernel has ${kernel.length} values, the geometry needs ${g.kh * g.kw * g.inC * g.outC}`);
  const y = new Int8Array(g.outH * g.outW * g.outC);
  const ry = tapRanges(g.outH, g.inH, g.kh, g.sh, g.dh, g.padT);
  const rx = tapRanges(g.outW, g.inW, g.kw, g.sw, g.dw, g.padL);
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    for (let ox = 0; ox < g.outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      for (let u = 0; u < g.outC; u++) {
        let acc = q.bias ? q.bias[u] : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const iy = oy * g.sh - g.padT + ky * g.dh;
          for (let kx = kx0; kx < kx1; kx++) {
            const ix = ox * g.sw - g.padL + kx * g.dw;
            const xb = (iy * g.inW + ix) * g.inC;
            const wb = (ky * g.kw + kx) * g.inC * g.outC + u;
            for (let ci = 0; ci < g.inC; ci++) acc += (x[xb + ci] - q.inZp) * kernel[wb + ci * g.outC];
          }
        }
        y[(oy * g.outW + ox) * g.outC + u] = requantize(acc, q.mult[u], q.shift[u], q.outZp, q.actMin, q.actMax);
      }
    }
  }
  return y;
}
