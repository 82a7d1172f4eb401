import type { Counters } from '../counters';
import type { Geometry } from '../program';
import { activate } from './activation';

const f = Math.fround;

/**
 * First and one-past-last valid tap of each output position along one axis (padding taps skipped), in
 * O(1) per position: tap t is valid when 0 <= o * stride - pad + t * dil < inN.
 */
export function tapRanges(outN: number, inN: number, k: number, stride: number, dil: number, pad: number): Int32Array {
  const r = new Int32Array(outN * 2);
  for (let o = 0; o < outN; o++) {
    const i0 = o * stride - pad;
    const a = i0 >= 0 ? 0 : Math.min(k, Math.floor((dil - 1 - i0) / dil));
    const room = inN - 1 - i0;
    const b = room < 0 ? 0 : Math.min(k, Math.floor(room / dil) + 1);
    r[2 * o] = a;
    r[2 * o + 1] = b > a ? b : a;
  }
  return r;
}

/**
 * One output unit `u` of a convolution (also dense = 1x1, conv1d = H 1) over every output position:
 * y[(oy, ox, u)] = act(bias + sum over ci, ky, kx of x[(iy, ix, ci)] * w[(ci * kh + ky) * kw + kx]),
 * in float32 arithmetic in exactly that order. `w` holds the unit's decoded receptive field.
 * `ry`/`rx` come from tapRanges. Softmax (act 5) is applied by the caller over the whole layer.
 */
export function convUnit(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, w: Float32Array, u: number,
  bias: number, act: number, ry: Int32Array, rx: Int32Array, c: Counters): void {
  const { inW, inC, outH, outW, outC, kh, kw, sh, sw, dh, dw, padT, padL } = g;
  const khw = kh * kw;
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
      for (let ci = 0; ci < inC; ci++) {
        const wc = ci * khw;
        for (let ky = ky0; ky < ky1; ky++) {
          let xi = xo + (iy0 + ky * dh) * rowStride + (ix0 + kx0 * dw) * inC + ci;
          let wi = wc + ky * kw + kx0;
          for (let kx = kx0; kx < kx1; kx++) {
            acc = f(acc + f(x[xi] * w[wi]));
            xi += colStep;
            wi++;
          }
        }
      }
      macs += inC * (ky1 - ky0) * (kx1 - kx0);
      y[yo + (oy * outW + ox) * outC + u] = activate(f(acc + bias), elemAct);
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
          acc = f(acc + f(x[xi] * w[wi]));
          xi += colStep;
          wi++;
        }
      }
      macs += (ky1 - ky0) * (kx1 - kx0);
      y[yo + (oy * outW + ox) * outC + u] = activate(f(acc + bias), elemAct);
    }
  }
  c.macs += macs;
  c.actRead += macs * 4;
  c.actWritten += outH * outW * 4;
}
