import type { Counters } from '../counters';
import type { WeightViews } from '../decode';
import { decodeUnit } from '../decode';
import type { MemoryImage } from '../memory-image';
import type { Op } from '../../../program/program';
import { OP } from '../../../program/program';
import { activateRange } from './activation';
import { convUnit, depthwiseUnit, toTapMajor } from './conv';

/** Where a weighted op reads and writes: typed arrays for the TS kernels, byte pointers for the SIMD ones. */
export interface WeightedIO {
  x: Float32Array; xo: number; xPtr: number;
  y: Float32Array; yo: number; yPtr: number;
  w: WeightViews;
  bias: Float32Array | null;
  /** Flash bytes of one bias value (2 for a float16 section, 4 for float32). */
  biasBytes: number;
  ry: Int32Array; rx: Int32Array;
}

/**
 * Runs a conv (dense, conv1d, conv2d) or depthwise op: for every output unit, decode its receptive field
 * from flash into the scratch, put it in tap-major order, and apply it at every output position. With
 * the SIMD kernels, sixteen units go at once (one per lane, each lane doing the scalar code's float32
 * operations in the same order), so both paths give the same bits. Activations follow over the output.
 */
export function runWeighted(op: Op, io: WeightedIO, img: MemoryImage, c: Counters): void {
  const g = op.g;
  const khw = g.kh * g.kw;
  const k = img.kernel;
  const dw = op.op === OP.depthwise;
  const positions = g.outH * g.outW;
  if (k && (!dw || g.mult === 1)) {
    const w16 = img.w16;
    const b16 = img.bias16;
    const field = io.w.ref.field;
    const inC = dw ? 1 : g.inC;
    const s = img.scratch;
    for (let u = 0; u < g.outC; u += 16) {
      const nu = Math.min(16, g.outC - u);
      for (let j = 0; j < 16; j++) {
        b16[j] = io.bias && j < nu ? io.bias[u + j] : 0;
        if (j >= nu) { for (let f = 0; f < field; f++) w16[f * 16 + j] = 0; continue; }
        decodeUnit(io.w, u + j, s, c);
        for (let ci = 0; ci < inC; ci++) for (let r = 0; r < khw; r++) w16[(r * inC + ci) * 16 + j] = s[ci * khw + r];
      }
      const L = img.layout;
      const macs = dw
        ? k.depthwise16(io.xPtr, io.yPtr, L.w16, L.bias16, g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padT, g.padL, u, nu)
        : k.conv16(io.xPtr, io.yPtr, L.w16, L.bias16, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padT, g.padL, u, nu);
      c.macs += macs * nu;
      c.actRead += macs * nu * 4;
      c.actWritten += positions * nu * 4;
    }
    activateRange(io.y, io.yo, positions * g.outC, g.outC, op.act);
  } else {
    const tap = khw > 1 && !dw ? img.w16 : img.scratch;
    for (let u = 0; u < g.outC; u++) {
      decodeUnit(io.w, u, img.scratch, c);
      const b = io.bias ? io.bias[u] : 0;
      if (dw) depthwiseUnit(io.x, io.xo, io.y, io.yo, g, img.scratch, u, b, op.act, io.ry, io.rx, c);
      else {
        if (khw > 1) toTapMajor(img.scratch, tap, khw, g.inC);
        convUnit(io.x, io.xo, io.y, io.yo, g, tap, u, b, op.act, io.ry, io.rx, c);
      }
    }
    if (op.act === 5) activateRange(io.y, io.yo, positions * g.outC, g.outC, 5);
  }
  if (io.bias) c.flashBytes += g.outC * io.biasBytes;
}
