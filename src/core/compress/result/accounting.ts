import type { Layer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { biasValueBytes } from '../encode/stored';
import { nonKernelParams } from '../../models/layers/params';
import type { LayerEncoding } from '../types';

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

/** Bytes of an int8 codebook's one scale (float32). */
export const CODEBOOK_SCALE_BYTES = 4;

/**
 * Bytes of a codebook group plus its descriptor: (k x d) float16 values, or with `int8` (k x d) int8 values
 * and their one float32 scale.
 */
export function codebookBytes(k: number, d: number, int8 = false): number {
  return (int8 ? align4(k * d) + CODEBOOK_SCALE_BYTES : align4(k * d * 2)) + HEADER_BYTES.codebook;
}

/** Bytes of a learned codebook (int8 when it carries a scale). */
export const groupBytes = (c: { k: number; d: number; scale?: number }): number => codebookBytes(c.k, c.d, c.scale !== undefined);

/** Bytes of a stored log8 base (a float16 per layer). */
export const LOG8_BASE_BYTES = 2;

/**
 * Bytes of a PQ layer's unit scales: none; float16 values (2 bytes each); or log8 codes (1 byte per unit)
 * with their float16 base, in one aligned array.
 */
export function unitScaleBytes(enc: Extract<LayerEncoding, { format: 'pq' }>): number {
  if (!enc.scales) return 0;
  if (enc.scaleCodes) return align4(enc.scaleCodes.q.length + LOG8_BASE_BYTES);
  return align4(enc.scales.length * 2);
}

/** Bytes of a weight layer's kernel encoding (indices/int8/float values plus float16 scales), aligned. */
export function encodingBytes(enc: LayerEncoding, kernelParams: number): number {
  switch (enc.format) {
    case 'pq':
      return align4(enc.indices.length) + unitScaleBytes(enc);
    case 'int8':
      return align4(enc.q.length) + align4(enc.scales.length * 2);
    case 'float32':
      return align4(kernelParams * 4);
  }
}

/** Float parameters a layer carries besides its kernel (bias; batch-norm scale and shift; PReLU alpha). */
export function extraFloats(layer: Layer): number {
  return nonKernelParams(layer);
}

/**
 * Bytes of one layer in the compressed image: its descriptor, its kernel encoding (weight layers; `enc`
 * must be given for them), its bias (float16 for a PQ/int8 layer, float32 for a float32 one) or
 * batch-norm parameters (float32).
 */
export function layerBytes(layer: Layer, enc: LayerEncoding | undefined): number {
  if (!isWeightLayer(layer)) return HEADER_BYTES.layer + align4(extraFloats(layer) * 4);
  if (!enc) throw new Error(`accounting: weight layer '${layer.name}' has no encoding`);
  return HEADER_BYTES.layer + align4(extraFloats(layer) * biasValueBytes(enc.format))
    + encodingBytes(enc, layer.kernel.shape.reduce((a, c) => a * c, 1));
}

/** Float32 bytes of a layer's parameters (kernel, bias, batch-norm), the reference of every ratio. */
export function layerFloat32Bytes(layer: Layer): number {
  const kernel = isWeightLayer(layer) ? layer.kernel.shape.reduce((a, c) => a * c, 1) : 0;
  return (kernel + extraFloats(layer)) * 4;
}
