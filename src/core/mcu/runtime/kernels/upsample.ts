import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';

const f = Math.fround;

/** UpSampling2D 'nearest' (the `upNearest` op): out[oy][ox] = in[floor(oy / sh)][floor(ox / sw)]. */
export function upNearest(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, c: Counters): void {
  const { inW, inC, outH, outW, sh, sw } = g;
  let i = yo;
  for (let oy = 0; oy < outH; oy++) {
    const row = xo + Math.floor(oy / sh) * inW * inC;
    for (let ox = 0; ox < outW; ox++) {
      const xb = row + Math.floor(ox / sw) * inC;
      for (let k = 0; k < inC; k++) y[i++] = x[xb + k];
    }
  }
  const n = outH * outW * inC;
  c.elementOps += n; c.actRead += 4 * n; c.actWritten += 4 * n;
}

/** Source row (or column) of output position o: the float position, the two input rows and the weight of the second. */
function source(o: number, ratio: number, inN: number): [number, number, number] {
  const s = f(o * ratio);
  const lo = Math.floor(s);
  return [lo, Math.min(inN - 1, Math.ceil(s)), f(s - lo)];
}

/**
 * UpSampling2D 'bilinear' (the `upBilinear` op), as tf.image.resizeBilinear without aligned corners or
 * half-pixel centres: source position o * (in / out), in float32; top = tl + (tr - tl) * dx, bottom
 * likewise, out = top + (bottom - top) * dy.
 */
export function upBilinear(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, c: Counters): void {
  const { inH, inW, inC, outH, outW } = g;
  const ry = f(inH / outH), rx = f(inW / outW);
  let i = yo;
  for (let oy = 0; oy < outH; oy++) {
    const [y0, y1, dy] = source(oy, ry, inH);
    for (let ox = 0; ox < outW; ox++) {
      const [x0, x1, dx] = source(ox, rx, inW);
      const tl = xo + (y0 * inW + x0) * inC, tr = xo + (y0 * inW + x1) * inC;
      const bl = xo + (y1 * inW + x0) * inC, br = xo + (y1 * inW + x1) * inC;
      for (let k = 0; k < inC; k++) {
        const top = f(x[tl + k] + f(f(x[tr + k] - x[tl + k]) * dx));
        const bottom = f(x[bl + k] + f(f(x[br + k] - x[bl + k]) * dx));
        y[i++] = f(top + f(f(bottom - top) * dy));
      }
    }
  }
  const n = outH * outW * inC;
  c.elementOps += 4 * n; c.actRead += 16 * n; c.actWritten += 4 * n;
}
