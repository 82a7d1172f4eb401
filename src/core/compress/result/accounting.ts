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

/** The codewords a group really gets: K, or the number of its subvectors when that is smaller. */
export const codebookK = (k: number, subvectors: number): number => Math.min(k, subvectors);

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
  return enc.scales ? align4(unitScaleArrayBytes(enc)) : 0;
}

/** Raw bytes of a PQ layer's unit-scale array (float16 values, or log8 codes with their base). */
function unitScaleArrayBytes(enc: Extract<LayerEncoding, { format: 'pq' }>): number {
  if (!enc.scales) return 0;
  return enc.scaleCodes ? enc.scaleCodes.q.length + LOG8_BASE_BYTES : enc.scales.length * 2;
}

/** Bytes of a weight layer's kernel encoding (indices/int8/float values plus float16 scales), aligned. */
export function encodingBytes(enc: LayerEncoding, kernelParams: number): number {
  return kernelArrays(enc, kernelParams).reduce((s, a) => s + align4(a), 0);
}

function kernelArrays(enc: LayerEncoding, kernelParams: number): number[] {
  switch (enc.format) {
    case 'pq': return [enc.indices.length, ...(enc.scales ? [unitScaleArrayBytes(enc)] : [])];
    case 'int8': return [enc.q.length, enc.scales.length * 2];
    case 'float32': return [kernelParams * 4];
  }
}

/** Float parameters a layer carries besides its kernel (bias; batch-norm scale and shift; PReLU alpha). */
export function extraFloats(layer: Layer): number {
  return nonKernelParams(layer);
}

/**
 * Raw bytes of each array a layer stores, in order: for a weight layer (`enc` must be given) its kernel
 * encoding (PQ indices and scales, int8 values and scales, or float32 kernel) and its bias (float16 for
 * a PQ/int8 layer, float32 for a float32 one; with int8 activations int16 values, quant/bias.ts); for a
 * batch norm its scale and shift (float32; with int8 activations unfolded: int8 weights, float16 scales,
 * int16 shifts); a PReLU's alpha (float32). The one list every size is made from: their sum is the
 * layer's base size, the image aligns each to 4 bytes. With int8 activations `layer` is a layer of the
 * int8 graph (quant/graph.ts).
 */
export function layerArrays(layer: Layer, enc: LayerEncoding | undefined, activations: Activations = 'float32'): number[] {
  const int8 = activations === 'int8';
  if (!isWeightLayer(layer)) {
    if (layer.kind === 'batchNorm') {
      const c = layer.scale.data.length;
      return int8 ? [c, c * 2, storedBiasBytes(c)] : [c * 4, c * 4];
    }
    const n = extraFloats(layer);
    return n > 0 && !int8 ? [n * 4] : [];
  }
  if (!enc) throw new Error(`accounting: weight layer '${layer.name}' has no encoding`);
  const units = extraFloats(layer);
  const biasBytes = int8 && enc.format !== 'float32' ? storedBiasBytes(units) : units * biasValueBytes(enc.format);
  return [...kernelArrays(enc, layer.kernel.shape.reduce((a, c) => a * c, 1)), ...(units > 0 ? [biasBytes] : [])];
}

/** The base size of a layer: its arrays' raw bytes, without alignment or descriptor. */
export function layerBaseBytes(layer: Layer, enc: LayerEncoding | undefined, activations: Activations = 'float32'): number {
  return layerArrays(layer, enc, activations).reduce((s, a) => s + a, 0);
}

/**
 * What the int8 runtime stores for a layer of the int8 graph besides its arrays (INT8_BYTES): its output
 * tensor's (scale, zero point) when it has its own, a weight layer's or batch norm's requantisation base,
 * an add's multipliers, a sigmoid/tanh table.
 */
export function int8ParamBytes(layer: Layer, enc: LayerEncoding | undefined): number {
  const params = tensorRule(layer).kind === 'own' ? INT8_BYTES.tensorParams : 0;
  if (isWeightLayer(layer)) return params + (enc && enc.format !== 'float32' ? INT8_BYTES.requantBase : 0);
  switch (layer.kind) {
    case 'batchNorm': return params + INT8_BYTES.requantBase;
    case 'add': return params + INT8_BYTES.addParams;
    case 'activation': return params + (layer.activation === 'sigmoid' || layer.activation === 'tanh' ? INT8_BYTES.table : 0);
    default: return params;
  }
}

/**
 * Bytes of one layer in the compressed image: its descriptor and its arrays (layerArrays), each aligned
 * to 4 bytes; with int8 activations (a layer of the int8 graph) also its int8 parameters (int8ParamBytes).
 * `enc` must be given for weight layers.
 */
export function layerBytes(layer: Layer, enc: LayerEncoding | undefined, activations: Activations = 'float32'): number {
  return HEADER_BYTES.layer + layerArrays(layer, enc, activations).reduce((s, a) => s + align4(a), 0)
    + (activations === 'int8' ? int8ParamBytes(layer, enc) : 0);
}

/**
 * Bytes of a model's layers (descriptors and parameters, no codebooks): with int8 activations those of its
 * int8 graph (a split-off sigmoid/tanh and the binary adds of an n-way add are layers of their own).
 */
export function layersBytes(ir: ModelIR, encodings: Record<string, LayerEncoding>, activations: Activations = 'float32'): number {
  return accountedLayers(ir, activations).reduce((s, l) => s + layerBytes(l, encodings[l.name], activations), 0);
}

/** The layers a model's bytes are counted over: its own, or with int8 activations those of its int8 graph. */
export function accountedLayers(ir: ModelIR, activations: Activations = 'float32'): Layer[] {
  return activations === 'int8' ? int8Graph(ir).layers : ir.layers;
}

/** Float32 bytes of a layer's parameters (kernel, bias, batch-norm), the reference of every ratio. */
export function layerFloat32Bytes(layer: Layer): number {
  const kernel = isWeightLayer(layer) ? layer.kernel.shape.reduce((a, c) => a * c, 1) : 0;
  return (kernel + extraFloats(layer)) * 4;
}
