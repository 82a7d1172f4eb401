import { fieldOffsets, subvectorLayout } from '../../pq/layout';
import { fromF16Bits } from '../../util/f16';
import type { Counters } from './counters';
import type { WeightRef } from '../../program/program';
import { WFMT } from '../../program/program';

/** Typed views of a kernel's sections in the flash image (empty arrays where a section does not apply). */
export interface WeightViews {
  ref: WeightRef;
  /**
   * The (k x d) codebook as a view of flash: `codebook16` for an `f16` section (float16 bit patterns, each
   * value converted as it is read, as the C runtime does), `codebook` for an `f32` one (older bundles); the
   * other is empty.
   */
  codebook: Float32Array;
  codebook16: Uint16Array;
  /**
   * Packed indices, scales (PQ: 0, 1 or units; int8: units; a float16 section is decoded once into this
   * small per-layer table, its flash bytes still counted at 2 per value).
   */
  indices: Uint8Array;
  scales: Float32Array;
  q: Int8Array;
  data: Float32Array;
  /** Kernel offset of field position f of unit 0 (int8/float32 gather): weight f of unit u is at base[f] + u. */
  base: Int32Array;
}

/**
 * The float32 value of every float16 bit pattern (exact): converting a codeword value is one table read,
 * the software counterpart of the C runtime's VCVTB / yono_f16_to_f32. Built once when the module loads
 * (256 KB), so a runtime allocates nothing for it.
 */
const F16_TO_F32: Float32Array = (() => {
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) t[h] = fromF16Bits(h);
  return t;
})();

const kinds = { dense: 'dense', conv1d: 'conv1d', conv2d: 'conv2d', depthwiseConv2d: 'depthwiseConv2d' } as const;

/** The gather offsets of a kept kernel (PQ kernels need none). */
export function gatherOffsets(ref: WeightRef, kind: keyof typeof kinds): Int32Array {
  if (ref.format === WFMT.pq) return new Int32Array(0);
  return fieldOffsets(subvectorLayout(kinds[kind], ref.entry.shape, 1));
}

/**
 * Writes the receptive field of output unit `u` into `out[0 .. field)` in field order, decoding it from
 * flash: PQ = unpack the unit's `chunks` indices (LSB-first bit stream), copy each codeword (converting
 * float16 values to float32, exactly) and multiply by the unit's scale; int8 = q times the unit's scale;
 * float32 = a gather. Never more than one unit at a time.
 */
export function decodeUnit(v: WeightViews, u: number, out: Float32Array, c: Counters): void {
  const r = v.ref;
  if (r.format === WFMT.pq) {
    const { d, bits, chunks } = r;
    const cb = v.codebook;
    const cb16 = v.codebook16;
    const half = r.codebookBytes === 2;
    const idx = v.indices;
    const s = r.nScales === 0 ? 1 : r.nScales === 1 ? v.scales[0] : v.scales[u];
    const mask = (1 << bits) - 1;
    const bit = u * chunks * bits;
    let p = bit >>> 3;
    let acc = idx[p++] >>> (bit & 7);
    let nAcc = 8 - (bit & 7);
    for (let ch = 0; ch < chunks; ch++) {
      while (nAcc < bits) { acc |= idx[p++] << nAcc; nAcc += 8; }
      const j = acc & mask;
      acc >>>= bits; nAcc -= bits;
      const o = ch * d;
      const cbo = j * d;
      if (half) {
        if (r.nScales === 0) for (let t = 0; t < d; t++) out[o + t] = F16_TO_F32[cb16[cbo + t]];
        else for (let t = 0; t < d; t++) out[o + t] = F16_TO_F32[cb16[cbo + t]] * s;
      } else if (r.nScales === 0) for (let t = 0; t < d; t++) out[o + t] = cb[cbo + t];
      else for (let t = 0; t < d; t++) out[o + t] = cb[cbo + t] * s;
    }
    c.lookups += chunks; c.unpacked += chunks; c.decoded += chunks * d;
    c.flashBytes += p - (bit >>> 3) + chunks * d * r.codebookBytes + r.scaleBytes;
    return;
  }
  const base = v.base;
  const field = r.field;
  if (r.format === WFMT.int8) {
    const q = v.q;
    const s = v.scales[u];
    for (let f = 0; f < field; f++) out[f] = q[base[f] + u] * s;
    c.decoded += field;
    c.flashBytes += field + r.scaleBytes;
    return;
  }
  const w = v.data;
  for (let f = 0; f < field; f++) out[f] = w[base[f] + u];
  c.flashBytes += field * 4;
}
