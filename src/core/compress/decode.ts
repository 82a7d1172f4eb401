import type { Layer, ModelIR } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { decodeKernel } from './encode';
import { storedBias } from './stored';
import type { CompressionResult } from './types';
import { lowerModel } from '../quant/lower';
import type { LoweredModel } from '../quant/lowered';

/**
 * Rebuilds the float model of `modelName` from a CompressionResult: every PQ and int8 kernel decoded
 * from its encoding (codebook values times scales; int8 values times channel scales), the bias of a PQ
 * or int8 layer rounded to float16 as the bundle stores it (the pipeline's results hold rounded biases
 * already; with int8 activations it stays full precision), everything else copied. The tfjs model built
 * from this IR is the reference the float runtime and C export must match; an int8 model runs as
 * `lowerResult` gives it.
 */
export function decodeModel(result: CompressionResult, modelName: string): ModelIR {
  const m = result.models.find((x) => x.name === modelName);
  if (!m) throw new Error(`decode: no model '${modelName}' in the result; it has ${result.models.map((x) => x.name).join(', ')}`);
  const layers: Layer[] = m.ir.layers.map((l) => {
    if (!isWeightLayer(l)) return l;
    const enc = m.encodings[l.name];
    if (!enc) throw new Error(`decode: model '${modelName}' layer '${l.name}' has no encoding`);
    const data = decodeKernel(enc, result.codebooks, l.kernel.data);
    const n = l.kernel.shape.reduce((a, b) => a * b, 1);
    if (data.length !== n) throw new Error(`decode: layer '${l.name}' decodes to ${data.length} weights, its shape needs ${n}`);
    // int8 activations: the bias stays full precision (the lowering makes it int32)
    const b = l.bias && (m.calibration ? l.bias.data : storedBias(l.bias.data, enc.format, `model '${modelName}' layer '${l.name}' bias`));
    const bias = l.bias && b && { shape: l.bias.shape.slice(), data: b.slice() };
    return { ...l, kernel: { shape: l.kernel.shape.slice(), data: enc.format === 'float32' ? data.slice() : data }, bias } as Layer;
  });
  return { ...m.ir, layers };
}

/**
 * The int8 model of `modelName` of a result made with int8 activations: its IR, encodings and codebooks
 * lowered with its calibration (quant/lower.ts), i.e. the integers the int8 runtime executes.
 */
export function lowerResult(result: CompressionResult, modelName: string): LoweredModel {
  const m = result.models.find((x) => x.name === modelName);
  if (!m) throw new Error(`lower: no model '${modelName}' in the result; it has ${result.models.map((x) => x.name).join(', ')}`);
  if (!m.calibration) throw new Error(`lower: model '${modelName}' was compressed with float32 activations; it has no int8 calibration`);
  return lowerModel({ ir: m.ir, encodings: m.encodings, codebooks: result.codebooks, params: m.calibration.params });
}
