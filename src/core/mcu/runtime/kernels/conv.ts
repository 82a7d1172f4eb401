import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';
import { activate } from './activation';

/**
 * Reorders a decoded receptive field from the PQ field order (ci, ky, kx) into the accumulation order
 * (ky, kx, ci), so that the innermost loop of convUnit walks both the input and the weights with stride 1.
 */
export function toTapMajor(w: Float32Array, out: Float32Array, khw: number, inC: number): void {
  for (let ci = 0; ci < inC; ci++) {
    const src = ci * khw;
    for (let r = 0; r < khw; r++) out[r * inC + ci] = w[src + r];
  }
}

/**
 * One output unit `u` of a convolution (also dense = 1x1, conv1d = H 1) over every output position:
 * y[(oy, ox, u)] = act(bias + sum over ky, kx, ci of x[(iy, ix, ci)] * w[(ky * kw + kx) * inC + ci]),
 * in float32 arithmetic in exactly that order (yono_runtime.c does the same). `w` holds the unit's
 * weights in tap-major order (toTapMajor). `ry`/`rx` come from tapRanges. Softmax (act 5) is applied by
 * the caller over the whole layer.
 */
export function convUnit(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, w: Float32Array, u: number,
  bias: number, act: number, ry: Int32Array, rx: Int32Array, c: Counters): void {
  const { inW, inC, outH, outW, outC, kw, sh, sw, dh, dw, padT, padL } = g;
  const rowStride = inW * inC;
  const elemAct = act === 5 ? 0 : act;
  let macs = 0;
  for (let oy = 0; oy < outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    const iy0 = oy * sh - padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const ix0 = ox * sw - padL;
      let acc = 0;
      for (let ky = ky0; ky < ky1; ky++) {
        const xr = xo + (iy0 + ky * dh) * rowStride;
        for (let kx = kx0; kx < kx1; kx++) {
          const xb = xr + (ix0 + kx * dw) * inC;
          const wb = (ky * kw + kx) * inC;
          for (let ci = 0; ci < inC; ci++) acc = Math.fround(acc + Math.fround(x[xb + ci] * w[wb + ci]));
        }
      }
      macs += inC * (ky1 - ky0) * (kx1 - kx0);
      y[yo + (oy * outW + ox) * outC + u] = activate(Math.fround(acc + bias), elemAct);
    }
  }
  c.macs += macs;
  c.actRead += macs * 4;
  c.actWritten += outH * outW * 4;
}

/**
 * One output channel `u` (= ci * mult + m) of a depthwise convolution over every output position:
 * y[(oy, ox, u)] = act(bias + sum over ky, kx of x[(iy, ix, ci)] * w[ky * kw + kx]).
 */
export function depthwiseUnit(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, w: Float32Array, u: number,
  bias: number, act: number, ry: Int32Array, rx: Int32Array, c: Counters): void {
  const { inW, inC, outH, outW, outC, kw, sh, sw, dh, dw, padT, padL, mult } = g;
  const ci = (u / mult) | 0;
  const rowStride = inW * inC;
  const colStep = dw * inC;
  const elemAct = act === 5 ? 0 : act;
  let macs = 0;
  for (let oy = 0; oy < outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    const iy0 = oy * sh - padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const ix0 = ox * sw - padL;
      let acc = 0;
      for (let ky = ky0; ky < ky1; ky++) {
        let xi = xo + (iy0 + ky * dh) * rowStride + (ix0 + kx0 * dw) * inC + ci;
        let wi = ky * kw + kx0;
        for (let kx = kx0; kx < kx1; kx++) {
          acc = Math.fround(acc + Math.fround(x[xi] * w[wi]));
          xi += colStep;
          wi++;
        }
      }
      macs += (ky1 - ky0) * (kx1 - kx0);
      y[yo + (oy * outW + ox) * outC + u] = activate(Math.fround(acc + bias), elemAct);
    }
  }
  c.macs += macs;
  c.actRead += macs * 4;
  c.actWritten += outH * outW * 4;
}
