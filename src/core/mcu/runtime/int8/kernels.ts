/**
 * The int8 kernels of the virtual MCU's int8 runtime: the arithmetic of the reference kernels
 * (quant/kernels/, the twins of the C kernels) in flat loops over typed arrays, writing into the planned
 * buffers. Speed comes from two layouts made once per runtime: each weight op's int8 kernel widened and
 * transposed unit-major (unit, tap, input channel: one contiguous run per tap), and the input of a
 * convolution widened once per call to int32 with its zero point subtracted. The sums are exact int32 sums
 * in either order, so the outputs are the reference's bit for bit (a test checks every op kind).
 */
import { multiplyByQuantizedMultiplier } from '../../../quant/fixed-point';
import type { S8Geometry } from '../../../quant/kernels/types';
import type { WeightOp } from '../../../quant/lowered';

/** A weight op ready to run: weights unit-major, its integers, its tap ranges. */
export interface PreparedWeights {
  g: S8Geometry;
  depthwise: boolean;
  /** conv: [unit][ky][kx][ci]; depthwise: [unit][ky][kx]. */
  w: Int32Array;
  bias: Int32Array<ArrayBufferLike> | null;
  mult: Int32Array<ArrayBufferLike>;
  shift: Int32Array<ArrayBufferLike>;
  inZp: number; outZp: number; actMin: number; actMax: number;
  ry: Int32Array<ArrayBufferLike>; rx: Int32Array<ArrayBufferLike>;
}

/** The unit-major weights of a weight op (its kernel is in the TensorFlow layout). */
export function unitMajor(op: WeightOp): Int32Array {
  const { g } = op;
  const taps = g.kh * g.kw;
  if (op.op === 'depthwise') {
    const w = new Int32Array(g.outC * taps);
    for (let t = 0; t < taps; t++) for (let u = 0; u < g.outC; u++) w[u * taps + t] = op.kernel[t * g.outC + u];
    return w;
  }
  const field = taps * g.inC;
  const w = new Int32Array(g.outC * field);
  for (let f = 0; f < field; f++) for (let u = 0; u < g.outC; u++) w[u * field + f] = op.kernel[f * g.outC + u];
  return w;
}

/** Widens `n` int8 values at x[xo..] to int32 minus the zero point, into `xs`. */
export function widen(x: Int8Array, xo: number, n: number, zp: number, xs: Int32Array): void {
  for (let i = 0; i < n; i++) xs[i] = x[xo + i] - zp;
}

function requant(acc: number, m: number, s: number, zp: number, lo: number, hi: number): number {
  const v = multiplyByQuantizedMultiplier(acc, m, s) + zp;
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Convolution (conv2d, conv1d, pointwise, dense): `xs` is the widened input, `col` a scratch of one receptive
 * field. Per output position the field is gathered once (im2col: padding taps 0), then each unit is one dot
 * product over the whole field (the C kernels' order of work; the sum is the same exact int32).
 */
export function convS8Fast(p: PreparedWeights, xs: Int32Array, col: Int32Array, y: Int8Array, yo: number): void {
  const { g, w, bias, mult, shift, ry, rx } = p;
  const { inW, inC, outW, outC, kw } = g;
  const field = g.kh * kw * inC;
  const pointwise = field === inC;
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    const iy0 = oy * g.sh - g.padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const ix0 = ox * g.sw - g.padL;
      let c: Int32Array = col;
      let co = 0;
      if (pointwise) {
        c = xs;
        co = (iy0 * inW + ix0) * inC;
      } else {
        col.fill(0, 0, field);
        for (let ky = ky0; ky < ky1; ky++) {
          const xrow = (iy0 + ky * g.dh) * inW;
          for (let kx = kx0; kx < kx1; kx++) {
            const xb = (xrow + ix0 + kx * g.dw) * inC;
            const cb = (ky * kw + kx) * inC;
            for (let ci = 0; ci < inC; ci++) col[cb + ci] = xs[xb + ci];
          }
        }
      }
      const yb = yo + (oy * outW + ox) * outC;
      for (let u = 0; u < outC; u++) {
        let acc = bias === null ? 0 : bias[u];
        const wu = u * field;
        for (let f = 0; f < field; f++) acc += c[co + f] * w[wu + f];
        y[yb + u] = requant(acc, mult[u], shift[u], p.outZp, p.actMin, p.actMax);
      }
    }
  }
}

/** Depthwise convolution (multiplier outC / inC): `xs` is the widened input. */
export function depthwiseS8Fast(p: PreparedWeights, xs: Int32Array, y: Int8Array, yo: number): void {
  const { g, w, bias, mult, shift, ry, rx } = p;
  const { inW, inC, outW, outC, kw } = g;
  const taps = g.kh * kw;
  const m = outC / inC;
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    const iy0 = oy * g.sh - g.padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const ix0 = ox * g.sw - g.padL;
      const yb = yo + (oy * outW + ox) * outC;
      for (let u = 0; u < outC; u++) {
        const ci = m === 1 ? u : Math.floor(u / m);
        let acc = bias === null ? 0 : bias[u];
        const wu = u * taps;
        for (let ky = ky0; ky < ky1; ky++) {
          const xrow = (iy0 + ky * g.dh) * inW;
          for (let kx = kx0; kx < kx1; kx++) acc += xs[(xrow + ix0 + kx * g.dw) * inC + ci] * w[wu + ky * kw + kx];
        }
        y[yb + u] = requant(acc, mult[u], shift[u], p.outZp, p.actMin, p.actMax);
      }
    }
  }
}

/** Max or average pooling (TFLM's rounding of the average), shared (s, z), no clamp beyond int8. */
export function poolS8Fast(g: S8Geometry, max: boolean, x: Int8Array, xo: number, y: Int8Array, yo: number, ry: Int32Array<ArrayBufferLike>, rx: Int32Array<ArrayBufferLike>): void {
  const { inW, inC, outW } = g;
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const count = (ky1 - ky0) * (kx1 - kx0);
      const half = Math.trunc(count / 2);
      const yb = yo + (oy * outW + ox) * inC;
      for (let c = 0; c < inC; c++) {
        let acc = max ? -128 : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const row = (oy * g.sh - g.padT + ky) * inW + ox * g.sw - g.padL;
          for (let kx = kx0; kx < kx1; kx++) {
            const v = x[xo + (row + kx) * inC + c];
            if (max) { if (v > acc) acc = v; } else acc += v;
          }
        }
        // C's integer division truncates towards zero
        y[yb + c] = max ? acc : count === 0 ? 0 : Math.trunc((acc > 0 ? acc + half : acc - half) / count);
      }
    }
  }
}
