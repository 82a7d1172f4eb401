/**
 * A PQ kernel with an int8 codebook, decoded into an int8 kernel in the TensorFlow layout: each unit's
 * receptive field is its subvector indices, each replaced by the d int8 values of its codeword (the
 * layout of src/core/pq/layout.ts; padding dropped). The unit's PQ scale is not applied here: it is part
 * of the unit's requantisation multiplier.
 */
import { fromSubvectors, subvectorLayout, type KernelKind } from '../../pq/layout';
import { unpackIndices } from '../../pq/pack';

/** A PQ kernel stored with an int8 codebook. */
export interface PQInt8Kernel {
  kind: KernelKind;
  shape: number[];
  /** (k x d) int8 codeword values. */
  codebook: Int8Array;
  k: number;
  d: number;
  bits: number;
  /** LSB-first packed indices, units x chunks of them. */
  indices: Uint8Array;
}

/** The int8 kernel (TensorFlow layout) a PQ kernel stands for. Throws when an index is not below k. */
export function decodePQInt8(p: PQInt8Kernel): Int8Array {
  const layout = subvectorLayout(p.kind, p.shape, p.d);
  if (p.codebook.length !== p.k * p.d) throw new RangeError(`codebook holds ${p.codebook.length} values, k x d = ${p.k * p.d}`);
  const idx = unpackIndices(p.indices, p.bits, layout.count);
  const sub = new Float32Array(layout.count * p.d);
  for (let i = 0; i < layout.count; i++) {
    if (idx[i] >= p.k) throw new RangeError(`PQ index ${idx[i]} at subvector ${i} is not below k = ${p.k}`);
    for (let j = 0; j < p.d; j++) sub[i * p.d + j] = p.codebook[idx[i] * p.d + j];
  }
  return Int8Array.from(fromSubvectors(sub, layout));
}
