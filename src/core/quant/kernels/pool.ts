/**
 * Int8 pooling as TFLM: input and output share scale and zero point. Max: the largest valid value;
 * average: the sum of the valid values divided by their count, rounded half away from zero; both clamped
 * to the activation range. Global pooling is a window over the whole input.
 */
import { tapRanges } from '../../models/shapes';
import type { S8Geometry } from './types';

function pool(g: S8Geometry, actMin: number, actMax: number, x: Int8Array, max: boolean): Int8Array {
  const y = new Int8Array(g.outH * g.outW * g.inC);
  const ry = tapRanges(g.outH, g.inH, g.kh, g.sh, 1, g.padT);
  const rx = tapRanges(g.outW, g.inW, g.kw, g.sw, 1, g.padL);
  for (let oy = 0; oy < g.outH; oy++) {
    const ky0 = ry[2 * oy], ky1 = ry[2 * oy + 1];
    for (let ox = 0; ox < g.outW; ox++) {
      const kx0 = rx[2 * ox], kx1 = rx[2 * ox + 1];
      const count = (ky1 - ky0) * (kx1 - kx0);
      for (let c = 0; c < g.inC; c++) {
        let acc = max ? -128 : 0;
        for (let ky = ky0; ky < ky1; ky++) {
          for (let kx = kx0; kx < kx1; kx++) {
            const v = x[((oy * g.sh - g.padT + ky) * g.inW + ox * g.sw - g.padL + kx) * g.inC + c];
            acc = max ? Math.max(acc, v) : acc + v;
          }
        }
        // C's integer division truncates towards zero
        const v = max ? acc : count === 0 ? 0 : Math.trunc((acc > 0 ? acc + Math.trunc(count / 2) : acc - Math.trunc(count / 2)) / count);
        y[(oy * g.outW + ox) * g.inC + c] = Math.min(actMax, Math.max(actMin, v));
      }
    }
  }
  return y;
}

/** Max pooling. */
export function maxPoolS8(g: S8Geometry, actMin: number, actMax: number, x: Int8Array): Int8Array {
  return pool(g, actMin, actMax, x, true);
}

/** Average pooling (TFLM's rounding). */
export function avgPoolS8(g: S8Geometry, actMin: number, actMax: number, x: Int8Array): Int8Array {
  return pool(g, actMin, actMax, x, false);
}
