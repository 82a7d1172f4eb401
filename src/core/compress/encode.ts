import type { WeightLayer } from '../models/ir';
import { applyScales, normScales } from './normalize';
import { dequantizeInt8, outputUnits, quantizeInt8 } from './int8';
import { assign } from '../pq/assign';
import { bitsFor, packIndices, unpackIndices } from '../pq/pack';
import { fromSubvectors, subvectorLayout, toSubvectors } from '../pq/layout';
import { reconstruct } from '../pq/reconstruct';
import { markDecoded, storedScales } from './stored';
import type { CodebookGroup, LayerEncoding, Normalization } from './types';
import type { SubvectorLayout } from '../pq/layout';

/** A layer's kernel cut into (count x d) subvectors, normalized, with the scales to undo it. */
export interface PreparedKernel {
  layout: SubvectorLayout;
  /** (count x d), divided by `scales` */
  sub: Float32Array;
  /** The normalization scales as stored: rounded to float16 (stored.ts). */
  scales: Float32Array | null;
}

/** Cuts a kernel (IR layout) into subvectors of length d, normalized by float16-rounded scales. */
export function prepareKernel(kind: WeightLayer['kind'], shape: number[], kernel: Float32Array, d: number, norm: Normalization): PreparedKernel {
  const layout = subvectorLayout(kind, shape, d);
  const sub = toSubvectors(kernel, layout);
  const raw = normScales(sub, layout, norm);
  const scales = raw && storedScales(raw, 'normalization scale');
  applyScales(sub, layout, scales, false);
  return { layout, sub, scales };
}

/** An encoding and the float kernel it decodes to. */
export interface Encoded {
  enc: LayerEncoding;
  /** The decoded kernel, IR layout. */
  decoded: Float32Array;
}

/** E-step of one layer: assigns its subvectors to a fixed codebook, packs the indices, decodes. */
export function encodePQ(kind: WeightLayer['kind'], shape: number[], kernel: Float32Array, cb: CodebookGroup, norm: Normalization): Encoded {
  const p = prepareKernel(kind, shape, kernel, cb.d, norm);
  const { assignments } = assign(p.sub, p.layout.count, cb.d, cb.codebook, cb.k);
  const bits = bitsFor(cb.k);
  const enc: LayerEncoding = { format: 'pq', group: cb.name, layout: p.layout, bits, indices: packIndices(assignments, bits), scales: p.scales };
  return { enc, decoded: markDecoded(decodeFromAssignments(assignments, cb, p.layout, p.scales), { enc, codebook: cb }) };
}

/**
 * Decoded kernel (IR layout) of a layer from its codeword indices, codebook and scales (used as given:
 * the encoders store float16-rounded scales). The caller marks it (markDecoded) with its encoding.
 */
export function decodeFromAssignments(a: ArrayLike<number>, cb: CodebookGroup, layout: SubvectorLayout, scales: Float32Array | null): Float32Array {
  const sub = reconstruct(a, cb.codebook, cb.d, layout.count);
  applyScales(sub, layout, scales, true);
  return fromSubvectors(sub, layout);
}

/** Int8 per-output-channel symmetric encoding (float16 scales) and its decoded kernel. */
export function encodeInt8(kind: WeightLayer['kind'], shape: number[], kernel: Float32Array): Encoded {
  const { q, scales } = quantizeInt8(kernel, outputUnits(kind, shape), true);
  const enc: LayerEncoding = { format: 'int8', q, scales };
  return { enc, decoded: markDecoded(dequantizeInt8(q, scales), { enc, codebook: null }) };
}

/**
 * Rebuilds a float kernel (IR layout) from its encoding. `codebooks` must hold the PQ group;
 * `float32` returns `kernel` (the IR's own data) unchanged. Scales are rounded to float16 first, as the
 * bundle stores them (a no-op for the pipeline's own encodings, whose scales are float16 values already).
 */
export function decodeKernel(enc: LayerEncoding, codebooks: CodebookGroup[], kernel: Float32Array): Float32Array {
  switch (enc.format) {
    case 'float32': return kernel;
    case 'int8': return markDecoded(dequantizeInt8(enc.q, storedScales(enc.scales, 'int8 scale')), { enc, codebook: null });
    case 'pq': {
      const cb = codebooks.find((c) => c.name === enc.group);
      if (!cb) throw new Error(`decode: codebook group '${enc.group}' is missing from the result`);
      if (cb.d !== enc.layout.d) throw new Error(`decode: group '${enc.group}' has d = ${cb.d}, the layer was encoded with d = ${enc.layout.d}`);
      const a = unpackIndices(enc.indices, enc.bits, enc.layout.count);
      for (let i = 0; i < a.length; i++) {
        if (a[i] >= cb.k) throw new Error(`decode: index ${a[i]} is out of range for group '${cb.name}' (k = ${cb.k})`);
      }
      return markDecoded(decodeFromAssignments(a, cb, enc.layout, enc.scales && storedScales(enc.scales, 'normalization scale')), { enc, codebook: cb });
    }
  }
}
