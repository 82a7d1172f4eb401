import type { Counters } from '../counters';
import type { Geometry } from '../../../program/program';

const f = Math.fround;

/**
 * Max or average pooling over kh x kw windows (1D: kh = 1) with 'same' padding taps skipped; the average
 * divides by the number of valid taps (as TensorFlow does). `ry`/`rx` come from tapRanges.
 */
export function pool(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, isMax: boolean,
  ry: Int32Array, rx: Int32Array, c: Counters): void {
  const { inW, inC, outH, outW, sh, sw, padT, padL } = g;
  let reads = 0;
  for (let oy = 0; oy < outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    const iy0 = oy * sh - padT;
    for (let ox = 0; ox < outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const ix0 = ox * sw - padL;
      const n = (ky1 - ky0) * (kx1 - kx0);
      const yb = yo + (oy * outW + ox) * inC;
      for (let ch = 0; ch < inC; ch++) {
        let acc = isMax ? -Infinity : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const xr = xo + (iy0 + ky) * inW * inC + ch;
          for (let kx = kx0; kx < kx1; kx++) {
            const v = x[xr + (ix0 + kx) * inC];
            if (isMax) { if (v > acc) acc = v; } else acc = f(acc + v);
          }
        }
        y[yb + ch] = isMax ? acc : f(acc / n);
      }
      reads += n * inC;
    }
  }
  c.elementOps += reads;
  c.actRead += reads * 4;
  c.actWritten += outH * outW * inC * 4;
}

/** Global max or average over the positions of a (positions x C) tensor (g.inW positions, g.inC channels). */
export function globalPool(x: Float32Array, xo: number, y: Float32Array, yo: number, g: Geometry, isMax: boolean, c: Counters): void {
  const p = g.inH * g.inW;
  const ch = g.inC;
  for (let k = 0; k < ch; k++) {
    let acc = isMax ? -Infinity : 0;
    for (let i = 0; i < p; i++) {
      const v = x[xo + i * ch + k];
      if (isMax) { if (v > acc) acc = v; } else acc = f(acc + v);
    }
    y[yo + k] = isMax ? acc : f(acc / p);
  }
  c.elementOps += p * ch;
  c.actRead += p * ch * 4;
  c.actWritten += ch * 4;
}
