import type { WeightLayer } from '../models/ir';
import { applyScales, normScales } from './normalize';
import { dequantizeInt8, outputUnits, quantizeInt8 } from './int8';
import { assign, bitsFor, fromSubvectors, packIndices, reconstruct, subvectorLayout, toSubvectors, unpackIndices } from './pq';
import type { CodebookGroup, LayerEncoding, Normalization, PQLayout } from './types';

/** A layer's kernel cut into (count x d) subvectors, normalized, with the scales to undo it. */
export interface PreparedKernel {
  layout: PQLayout;
  /** (count x d), divided by `scales` */
  sub: Float32Array;
  scales: Float32Array | null;
}

/** Cuts a kernel (IR layout) into normalized subvectors of length d. */
export function prepareKernel(kind: WeightLayer['kind'], shape: number[], kernel: Float32Array, d: number, norm: Normalization): PreparedKernel {
  const layout = subvectorLayout(kind, shape, d);
  const sub = toSubvectors(kernel, layout);
  const scales = normScales(sub, layout, norm);
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
  return { enc, decoded: decodeFromAssignments(assignments, cb, p.layout, p.scales) };
}

/** Decoded kernel (IR layout) of a layer from its codeword indices, codebook and scales. */
export function decodeFromAssignments(a: ArrayLike<number>, cb: CodebookGroup, layout: PQLayout, scales: Float32Array | null): Float32Array {
  const sub = reconstruct(a, cb.codebook, cb.d, layout.count);
  applyScales(sub, layout, scales, true);
  return fromSubvectors(sub, layout);
}

/** Int8 per-output-channel symmetric encoding and its decoded kernel. */
export function encodeInt8(kind: WeightLayer['kind'], shape: number[], kernel: Float32Array): Encoded {
  const { q, scales } = quantizeInt8(kernel, outputUnits(kind, shape));
  return { enc: { format: 'int8', q, scales }, decoded: dequantizeInt8(q, scales) };
}

/**
 * Rebuilds a float kernel (IR layout) from its encoding. `codebooks` must hold the PQ group;
 * `float32` returns `kernel` (the IR's own data) unchanged.
 */
export function decodeKernel(enc: LayerEncoding, codebooks: CodebookGroup[], kernel: Float32Array): Float32Array {
  switch (enc.format) {
    case 'float32': return kernel;
    case 'int8': return dequantizeInt8(enc.q, enc.scales);
    case 'pq': {
      const cb = codebooks.find((c) => c.name === enc.group);
      if (!cb) throw new Error(`decode: codebook group '${enc.group}' is missing from the result`);
      if (cb.d !== enc.layout.d) throw new Error(`decode: group '${enc.group}' has d = ${cb.d}, the layer was encoded with d = ${enc.layout.d}`);
      const a = unpackIndices(enc.indices, enc.bits, enc.layout.count);
      for (let i = 0; i < a.length; i++) {
        if (a[i] >= cb.k) throw new Error(`decode: index ${a[i]} is out of range for group '${cb.name}' (k = ${cb.k})`);
      }
      return decodeFromAssignments(a, cb, enc.layout, enc.scales);
    }
  }
}
