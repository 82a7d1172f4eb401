import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';

/**
 * Zero padding or cropping of an H x W x C map (the `pad` op): out[oy][ox] = in[oy - padT][ox - padL] and 0
 * where that falls outside the input (ZeroPadding2D: padT, padL >= 0; Cropping2D: both <= 0).
 */
export function pad(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, c: Counters): void {
  const { inH, inW, inC, outH, outW, padT, padL } = g;
  let copied = 0;
  for (let oy = 0; oy < outH; oy++) {
    const iy = oy - padT;
    for (let ox = 0; ox < outW; ox++) {
      const ix = ox - padL;
      const yb = yo + (oy * outW + ox) * inC;
      if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
        const xb = xo + (iy * inW + ix) * inC;
        for (let k = 0; k < inC; k++) y[yb + k] = x[xb + k];
        copied += inC;
      } else {
        for (let k = 0; k < inC; k++) y[yb + k] = 0;
      }
    }
  }
  c.elementOps += copied; c.actRead += 4 * copied; c.actWritten += 4 * outH * outW * inC;
}
