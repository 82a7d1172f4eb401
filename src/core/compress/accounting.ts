import type { Layer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { biasValueBytes } from './stored';
import type { LayerEncoding } from './types';

/**
 * Byte accounting of a compressed model set, as an MCU image would hold it (DESIGN §4.6):
 * every array is stored at its natural width and padded to a 4-byte boundary (that padding counted),
 * PQ indices bit-packed at ceil(log2 K) bits, codebooks (float16) once per group, and a fixed-size binary
 * descriptor per file, model, layer and codebook (kind, shapes, format, offsets).
 */
export const HEADER_BYTES = { file: 32, model: 32, layer: 32, codebook: 16 } as const;

/** n rounded up to a multiple of 4. */
export const align4 = (n: number): number => (n + 3) & ~3;

/** Bytes of `count` indices packed at `bits` bits each (before alignment). */
export const packedBytes = (count: number, bits: number): number => Math.ceil((count * bits) / 8);

/** Bytes of a codebook group: (k x d) float16 plus its descriptor. */
export function codebookBytes(k: number, d: number): number {
  return align4(k * d * 2) + HEADER_BYTES.codebook;
}

/** Float parameters a layer carries besides its kernel (bias; batch-norm scale and shift). */
export function extraFloats(layer: Layer): number {
  if (isWeightLayer(layer)) return layer.bias ? layer.bias.data.length : 0;
  if (layer.kind === 'batchNorm') return layer.scale.data.length + layer.shift.data.length;
  return 0;
}

/**
 * Raw bytes of each array a layer stores, in order: for a weight layer (`enc` must be given) its kernel
 * encoding (PQ indices and scales, int8 values and scales, or float32 kernel) and its bias (float16 for
 * a PQ/int8 layer, float32 for a float32 one); for a batch norm its scale and shift (float32). The one
 * list every size is made from: their sum is the layer's base size, the image aligns each to 4 bytes.
 */
export function layerArrays(layer: Layer, enc: LayerEncoding | undefined): number[] {
  if (!isWeightLayer(layer)) {
    return layer.kind === 'batchNorm' ? [layer.scale.data.length * 4, layer.shift.data.length * 4] : [];
  }
  if (!enc) throw new Error(`accounting: weight layer '${layer.name}' has no encoding`);
  const bias = layer.bias ? [layer.bias.data.length * biasValueBytes(enc.format)] : [];
  switch (enc.format) {
    case 'pq': return [enc.indices.length, ...(enc.scales ? [enc.scales.length * 2] : []), ...bias];
    case 'int8': return [enc.q.length, enc.scales.length * 2, ...bias];
    case 'float32': return [layer.kernel.shape.reduce((a, c) => a * c, 1) * 4, ...bias];
  }
}

/** The base size of a layer: its arrays' raw bytes, without alignment or descriptor. */
export function layerBaseBytes(layer: Layer, enc: LayerEncoding | undefined): number {
  return layerArrays(layer, enc).reduce((s, a) => s + a, 0);
}

/**
 * Bytes of one layer in the compressed image: its descriptor and its arrays (layerArrays), each aligned
 * to 4 bytes. `enc` must be given for weight layers.
 */
export function layerBytes(layer: Layer, enc: LayerEncoding | undefined): number {
  return HEADER_BYTES.layer + layerArrays(layer, enc).reduce((s, a) => s + align4(a), 0);
}

/** Float32 bytes of a layer's parameters (kernel, bias, batch-norm), the reference of every ratio. */
export function layerFloat32Bytes(layer: Layer): number {
  const kernel = isWeightLayer(layer) ? layer.kernel.shape.reduce((a, c) => a * c, 1) : 0;
  return (kernel + extraFloats(layer)) * 4;
}
