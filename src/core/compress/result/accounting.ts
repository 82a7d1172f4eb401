import type { Layer, ModelIR } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { storedBiasBytes } from '../../quant/bias';
import { int8Graph, tensorRule } from '../../quant/graph';
import { biasValueBytes } from '../encode/stored';
import { nonKernelParams } from '../../models/layers/params';
import type { Activations, LayerEncoding } from '../types';

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

/**
 * Int8 arithmetic (activations `int8`): what the int8 runtime stores besides the encodings — a float32 scale
 * and an int32 zero point per tensor with parameters of its own, one (multiplier, shift) base per weight
 * layer, three for an add, a 256-byte table per sigmoid/tanh, a float32 scale per int8 codebook.
 */
export const INT8_BYTES = { tensorParams: 8, requantBase: 8, addParams: 24, table: 256, codebookScale: 4 } as const;

/** Bytes of an int8 codebook's one scale (float32). */
export const CODEBOOK_SCALE_BYTES = INT8_BYTES.codebookScale;

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
 * batch-norm parameters (float32). With int8 activations (a layer of the int8 graph, quant/graph.ts):
 * biases stored as int16 with a per-layer shift in the descriptor (quant/bias.ts; int32 in the arithmetic),
 * the layer's requantisation base, its output tensor's (scale, zero point) when it has its
 * own, an add's multipliers, a sigmoid/tanh table, and an unfolded batch norm as int8 weights with float16
 * scales and int16 shifts (stored like biases).
 */
export function layerBytes(layer: Layer, enc: LayerEncoding | undefined, activations: Activations = 'float32'): number {
  if (activations === 'int8') return int8LayerBytes(layer, enc);
  if (!isWeightLayer(layer)) return HEADER_BYTES.layer + align4(extraFloats(layer) * 4);
  if (!enc) throw new Error(`accounting: weight layer '${layer.name}' has no encoding`);
  return HEADER_BYTES.layer + align4(extraFloats(layer) * biasValueBytes(enc.format))
    + encodingBytes(enc, layer.kernel.shape.reduce((a, c) => a * c, 1));
}

function int8LayerBytes(layer: Layer, enc: LayerEncoding | undefined): number {
  const rule = tensorRule(layer);
  const params = rule.kind === 'own' ? INT8_BYTES.tensorParams : 0;
  const base = HEADER_BYTES.layer + params;
  if (isWeightLayer(layer)) {
    if (!enc) throw new Error(`accounting: weight layer '${layer.name}' has no encoding`);
    const biases = enc.format === 'float32' ? extraFloats(layer) * 4 : storedBiasBytes(extraFloats(layer));
    return base + align4(biases) + encodingBytes(enc, layer.kernel.shape.reduce((a, c) => a * c, 1))
      + (enc.format === 'float32' ? 0 : INT8_BYTES.requantBase);
  }
  switch (layer.kind) {
    case 'batchNorm': { const c = layer.scale.data.length; return base + align4(c) + align4(c * 2) + align4(storedBiasBytes(c)) + INT8_BYTES.requantBase; }
    case 'add': return base + INT8_BYTES.addParams;
    case 'activation': return base + (layer.activation === 'sigmoid' || layer.activation === 'tanh' ? INT8_BYTES.table : 0);
    default: return base;
  }
}

/**
 * Bytes of a model's layers (descriptors and parameters, no codebooks): with int8 activations those of its
 * int8 graph (a split-off sigmoid/tanh and the binary adds of an n-way add are layers of their own).
 */
export function layersBytes(ir: ModelIR, encodings: Record<string, LayerEncoding>, activations: Activations = 'float32'): number {
  const layers = activations === 'int8' ? int8Graph(ir).layers : ir.layers;
  return layers.reduce((s, l) => s + layerBytes(l, encodings[l.name], activations), 0);
}

/** Float32 bytes of a layer's parameters (kernel, bias, batch-norm), the reference of every ratio. */
export function layerFloat32Bytes(layer: Layer): number {
  const kernel = isWeightLayer(layer) ? layer.kernel.shape.reduce((a, c) => a * c, 1) : 0;
  return (kernel + extraFloats(layer)) * 4;
}
