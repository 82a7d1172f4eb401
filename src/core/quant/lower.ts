/**
 * Lowering: a model IR, its layer encodings (pq / int8 / float32, as the compression result holds them) and
 * its activation parameters (calibrate.ts) → the integers the int8 runtime executes (lowered.ts). One pure
 * function for the bundle writer, the runtimes, the C export and the fake-quant model, so that they all
 * compute with the same integers.
 *
 * Weight layers (README of this folder and docs/int8-runtime.md):
 * - PQ: the codebook as int8 with one scale s_cb; a unit's weights are its codewords' int8 values; the
 *   layer's base multiplier is s_x · s_cb / s_y and each unit's multiplier is derived from it and the unit's
 *   float16 normalisation scale n_u (1.0 without normalisation) in integers (unit-multiplier.ts);
 * - int8: the stored values; base s_x / s_y, unit scale = the channel's float16 scale;
 * - a unit whose stored scale is 0 has all-zero weights: its int8 weights are 0 and its scale is taken as
 *   1.0, so that its bias survives;
 * - biases: int32, round(b / (s_x · s_w_eff[u])) with the unit's effective weight scale (the one its
 *   integers define), ties away from zero, then as stored: int16 values and a per-layer shift (bias.ts);
 * - float32 layers stay float (dequantise, float layer, quantise).
 * An unfolded batch norm is a 1x1 depthwise with int8 weights per channel (float16 channel scales).
 */
import type { Activation, ActivationLayer, BatchNormLayer, Layer, ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { sizeOf } from '../models/shapes';
import { fromF16Bits, toF16Bits } from '../util/f16';
import { dequantizeValue, quantizeBias, quantizeValue, roundHalfAway, type AffineParams } from './affine';
import { packBias, unpackBias, type StoredBias } from './bias';
import { int8Codebook } from './codebook';
import type { LayerEncoding, LoweringCodebook } from './encoding';
import { layerGeometry } from './geometry';
import { int8Graph, int8Output } from './graph';
import { decodePQInt8 } from './kernels/decode';
import type { AddOp, LoweredModel, LoweredOp, LoweredTensor, LutOp, WeightOp } from './lowered';
import { multiplierValue, quantizeMultiplier, type QuantizedMultiplier } from './multiplier';
import { activationRange } from './requantize';
import { F16_ONE, unitMultipliers } from './unit-multiplier';

/** What the lowering reads. */
export interface LoweringInput {
  /**
   * The inference graph (batch norm folded, activations fused) with the stored parameters: the kernels of
   * float32 layers and every layer's float bias; PQ and int8 kernels may be empty (the encodings hold them).
   */
  ir: ModelIR;
  encodings: Record<string, LayerEncoding>;
  codebooks: readonly LoweringCodebook[];
  /** (scale, zero point) of every tensor of the int8 graph (Calibration.params). */
  params: Record<string, AffineParams>;
  /**
   * A bundle's stored integers per weight layer (its base and int16 biases), used instead of deriving them
   * from the float bias: how a reader rebuilds the op the writer stored (bundle/lowered.ts).
   */
  stored?: Record<string, StoredLayer>;
}

/** What a bundle stores of a PQ/int8 weight layer beyond its encoding: the base multiplier and the biases. */
export interface StoredLayer { base: QuantizedMultiplier; bias: StoredBias | null }

/** Output units of a kernel: its last axis, or cin · multiplier for depthwise. */
function unitsOf(l: WeightLayer): number {
  const s = l.kernel.shape;
  return l.kind === 'depthwiseConv2d' ? s[2] * s[3] : s[s.length - 1];
}

/** The float16 bit pattern of each unit's scale: none → 1.0, one → all units, else per unit. */
function unitScaleBits(scales: Float32Array | null, units: number, what: string): Uint16Array {
  const out = new Uint16Array(units).fill(F16_ONE);
  if (!scales) return out;
  if (scales.length !== 1 && scales.length !== units) throw new Error(`${what}: ${scales.length} scales for ${units} units`);
  for (let u = 0; u < units; u++) {
    const v = scales[scales.length === 1 ? 0 : u];
    const bits = toF16Bits(v, `${what} scale`);
    if (v < 0) throw new RangeError(`${what}: unit ${u} has a negative scale ${v}`);
    out[u] = bits;
  }
  return out;
}

/** Each unit's multiplier and shift from the base and its float16 scale, and the effective real weight scale they define. */
function unitParams(base: QuantizedMultiplier, scales: Uint16Array, inP: AffineParams, outP: AffineParams): Pick<WeightOp, 'mult' | 'shift' | 'weightScale'> {
  const { mult, shift } = unitMultipliers(base, scales);
  const weightScale = new Float64Array(scales.length);
  for (let u = 0; u < scales.length; u++) weightScale[u] = (multiplierValue({ multiplier: mult[u], shift: shift[u] }) * outP.scale) / inP.scale;
  return { mult, shift, weightScale };
}

/** The lowering's rule for a unit whose stored scale is 0: all-zero int8 weights, scale 1.0 (so its bias survives). In place. */
function zeroUnits(kernel: Int8Array, scales: Uint16Array): void {
  const units = scales.length;
  for (let u = 0; u < units; u++) {
    if (scales[u] !== 0) continue;
    scales[u] = F16_ONE;
    for (let i = u; i < kernel.length; i += units) kernel[i] = 0;
  }
}

/** What a stored weight layer holds besides its geometry: the integers the bundle keeps. */
export interface StoredWeights {
  format: WeightOp['format'];
  /** int8 weights, TensorFlow layout (a PQ layer's decode); zeroed here for units of stored scale 0. */
  kernel: Int8Array;
  kernelShape: number[];
  /** float16 bits per unit as stored (0 = an all-zero unit; replaced by 1.0 here). */
  scales: Uint16Array;
  base: QuantizedMultiplier;
  bias: StoredBias | null;
  pq: WeightOp['pq'];
}

/**
 * The op of a weight layer (its activation linear, ReLU or ReLU6) from the integers a bundle stores: the
 * lowering makes its ops with this, and the bundle reader rebuilds them with it, so both hold the same op.
 */
export function storedWeightOp(l: WeightLayer | BatchNormLayer, kind: WeightOp['kind'], w: StoredWeights, inP: AffineParams, outP: AffineParams, inShape: number[]): WeightOp {
  zeroUnits(w.kernel, w.scales);
  const { mult, shift, weightScale } = unitParams(w.base, w.scales, inP, outP);
  const act = 'activation' in l ? l.activation : 'linear';
  const { min, max } = activationRange(act, outP);
  const depthwise = kind === 'depthwiseConv2d' || kind === 'batchNorm';
  const g = kind === 'batchNorm' ? layerGeometry({ ...l, kind: 'flatten' } as Layer, inShape) : layerGeometry(l, inShape);
  return {
    op: depthwise ? 'depthwise' : 'conv', name: l.name, inputs: [l.inputs[0]], kind, format: w.format, g, kernel: w.kernel, kernelShape: w.kernelShape, pq: w.pq,
    in: inP, out: outP, actMin: min, actMax: max, base: w.base, unitScales: w.scales, mult, shift,
    bias: w.bias && unpackBias(w.bias), biasValues: w.bias && w.bias.values, biasShift: w.bias ? w.bias.shift : 0, weightScale,
  };
}

/**
 * The integer parameters of a weight layer with int8 `kernel` (TensorFlow layout), per-unit float16 scales
 * `scales` (0 = an all-zero unit), the layer base `real` (s_x · s_cb / s_y or s_x / s_y), and float `bias`.
 */
function weightOp(l: WeightLayer | BatchNormLayer, kind: WeightOp['kind'], format: WeightOp['format'], kernel: Int8Array, kernelShape: number[],
  scales: Uint16Array, real: number, bias: Float32Array | null, inP: AffineParams, outP: AffineParams, inShape: number[],
  pq: WeightOp['pq'], stored?: StoredLayer): WeightOp {
  if (stored) return storedWeightOp(l, kind, { format, kernel, kernelShape, scales, base: stored.base, bias: stored.bias, pq }, inP, outP, inShape);
  zeroUnits(kernel, scales);
  const base = quantizeMultiplier(real);
  const { weightScale } = unitParams(base, scales, inP, outP);
  const packed = bias && packBias(Int32Array.from(bias, (b, u) => (weightScale[u] > 0 ? quantizeBias(b, inP.scale, weightScale[u]) : 0)));
  return storedWeightOp(l, kind, { format, kernel, kernelShape, scales, base, bias: packed, pq }, inP, outP, inShape);
}

/**
 * Lowers one weight layer of an int8 graph (its activation linear, ReLU or ReLU6) stored as `enc`, reading
 * a tensor of `inShape` with params `inP` and writing one with `outP`. `codebooks` must hold a PQ layer's
 * codebook (float16 values are rounded to int8 here; the pipeline's int8 codebooks carry their scale).
 */
export function lowerWeightLayer(l: WeightLayer, enc: LayerEncoding, codebooks: readonly LoweringCodebook[],
  inP: AffineParams, outP: AffineParams, inShape: number[], stored?: StoredLayer): WeightOp | null {
  const what = `layer '${l.name}'`;
  const units = unitsOf(l);
  const bias = l.bias ? l.bias.data : null;
  if (enc.format === 'float32') return null;
  if (enc.format === 'int8') {
    if (enc.q.length !== sizeOf(l.kernel.shape)) throw new Error(`${what}: ${enc.q.length} int8 weights for a kernel of shape ${l.kernel.shape.join('x')}`);
    return weightOp(l, l.kind, 'int8', enc.q.slice(), l.kernel.shape.slice(), unitScaleBits(enc.scales, units, what), inP.scale / outP.scale, bias, inP, outP, inShape, null, stored);
  }
  const cb = codebooks.find((c) => c.name === enc.group);
  if (!cb) throw new Error(`${what}: codebook '${enc.group}' is missing`);
  if (cb.d !== enc.layout.d) throw new Error(`${what}: codebook '${cb.name}' has d = ${cb.d}, the layer was encoded with d = ${enc.layout.d}`);
  const c8 = int8Codebook(cb.codebook, cb.scale);
  const kernel = decodePQInt8({ kind: l.kind, shape: l.kernel.shape, codebook: c8.q, k: cb.k, d: cb.d, bits: enc.bits, indices: enc.indices });
  const pq = { codebook: cb.name, values: c8.q, scale: c8.scale, d: cb.d, k: cb.k, bits: enc.bits, indices: enc.indices };
  return weightOp(l, l.kind, 'pq', kernel, l.kernel.shape.slice(), unitScaleBits(enc.scales, units, what), (inP.scale * c8.scale) / outP.scale, bias, inP, outP, inShape, pq, stored);
}

/** An unfolded batch norm as a 1x1 depthwise with int8 weights per channel (float16 scales |scale| / 127). */
export function lowerBatchNorm(l: BatchNormLayer, inP: AffineParams, outP: AffineParams, inShape: number[]): WeightOp {
  const c = l.scale.data.length;
  const scales = new Uint16Array(c);
  const kernel = new Int8Array(c);
  for (let i = 0; i < c; i++) {
    const v = l.scale.data[i];
    scales[i] = toF16Bits(Math.abs(v) / 127, `batch norm '${l.name}' scale`);
    if (scales[i] === 0 && v !== 0) scales[i] = 1; // the smallest float16, not 0
    const s = fromF16Bits(scales[i]);
    kernel[i] = s > 0 ? Math.max(-127, Math.min(127, roundHalfAway(v / s))) : 0;
  }
  return weightOp(l, 'batchNorm', 'int8', kernel, [1, 1, c, 1], scales, inP.scale / outP.scale, l.shift.data, inP, outP, inShape, null);
}

/** The 256-entry table of a sigmoid or tanh from `inP` to `outP`: exact, the same in TS and C (no expf at run time). */
export function activationTable(activation: 'sigmoid' | 'tanh', inP: AffineParams, outP: AffineParams): Int8Array {
  const t = new Int8Array(256);
  for (let q = -128; q <= 127; q++) {
    const x = dequantizeValue(q, inP);
    const y = activation === 'sigmoid' ? 1 / (1 + Math.exp(-x)) : Math.tanh(x);
    t[q + 128] = quantizeValue(Math.fround(y), outP);
  }
  return t;
}

/** TFLM's int8 add's multipliers: both inputs to a common 2^20 fixed point, the sum to the output. */
export function addMultipliers(pa: AffineParams, pb: AffineParams, out: AffineParams): Pick<AddOp, 'leftShift' | 'inMult' | 'outMult'> {
  const leftShift = 20;
  const twiceMax = 2 * Math.max(pa.scale, pb.scale);
  return {
    leftShift, inMult: [quantizeMultiplier(pa.scale / twiceMax), quantizeMultiplier(pb.scale / twiceMax)],
    outMult: quantizeMultiplier(twiceMax / (2 ** leftShift * out.scale)),
  };
}

/** TFLM's int8 add of two tensors into `out` (left shift 20, per-input multipliers). */
function addOp(name: string, a: string, b: string, pa: AffineParams, pb: AffineParams, out: AffineParams, act: Activation): AddOp {
  const { min, max } = activationRange(act, out);
  return { op: 'add', name, inputs: [a, b], in: [pa, pb], ...addMultipliers(pa, pb, out), out, actMin: min, actMax: max };
}

/** The op of an activation layer: a clamp (ReLU, ReLU6, linear) or a table (sigmoid, tanh); null for the final softmax. */
function lowerActivation(l: ActivationLayer, params: Record<string, AffineParams>): LoweredOp | null {
  const inP = params[l.inputs[0]];
  if (l.activation === 'softmax') return null;
  if (l.activation === 'sigmoid' || l.activation === 'tanh') {
    const op: LutOp = { op: 'lut', name: l.name, inputs: [l.inputs[0]], activation: l.activation, table: activationTable(l.activation, inP, params[l.name]) };
    return op;
  }
  const { min, max } = activationRange(l.activation, inP);
  return { op: 'clamp', name: l.name, inputs: [l.inputs[0]], min, max };
}

/**
 * Lowers a model (see the file comment): the int8 graph of `m.ir` with every tensor's params and one op per
 * layer. Throws naming the layer when an encoding, a codebook or a tensor's params are missing.
 */
export function lowerModel(m: LoweringInput): LoweredModel {
  const g = int8Graph(m.ir);
  const shapes = new Map(g.layers.map((l) => [l.name, l.outputShape]));
  const tensors: Record<string, LoweredTensor> = {};
  const paramsOf = (name: string): AffineParams => {
    const p = m.params[name];
    if (!p) throw new Error(`model '${m.ir.name}': tensor '${name}' has no quantisation parameters (calibrate the model first)`);
    return p;
  };
  const ops: LoweredOp[] = [];
  for (const l of g.layers) {
    if (l.kind === 'activation' && l.activation === 'softmax') continue;
    tensors[l.name] = { shape: l.outputShape.slice(), params: paramsOf(l.name) };
    if (l.kind === 'input') continue;
    const inName = l.inputs[0];
    const inShape = shapes.get(inName)!;
    const inP = paramsOf(inName);
    if (isWeightLayer(l)) {
      const enc = m.encodings[l.name];
      if (!enc) throw new Error(`model '${m.ir.name}': layer '${l.name}' has no encoding`);
      const w = lowerWeightLayer(l, enc, m.codebooks, inP, tensors[l.name].params, inShape, m.stored?.[l.name]);
      ops.push(w ?? { op: 'float', name: l.name, inputs: [inName], layer: l, g: layerGeometry(l, inShape), in: inP, out: tensors[l.name].params });
      continue;
    }
    switch (l.kind) {
      case 'batchNorm': ops.push(lowerBatchNorm(l, inP, tensors[l.name].params, inShape)); break;
      case 'add': ops.push(addOp(l.name, l.inputs[0], l.inputs[1], paramsOf(l.inputs[0]), paramsOf(l.inputs[1]), tensors[l.name].params, l.activation)); break;
      case 'activation': { const op = lowerActivation(l, m.params); if (op) ops.push(op); break; }
      case 'flatten': case 'reshape': ops.push({ op: 'alias', name: l.name, inputs: [inName] }); break;
      case 'maxPool2d': case 'maxPool1d': case 'globalMaxPool1d': case 'globalMaxPool2d':
        ops.push({ op: 'maxPool', name: l.name, inputs: [inName], g: layerGeometry(l, inShape) }); break;
      case 'avgPool2d': case 'avgPool1d': case 'globalAvgPool1d': case 'globalAvgPool2d':
        ops.push({ op: 'avgPool', name: l.name, inputs: [inName], g: layerGeometry(l, inShape) }); break;
    }
  }
  return { name: m.ir.name, input: g.layers[0].name, output: int8Output(g), tensors, ops };
}
