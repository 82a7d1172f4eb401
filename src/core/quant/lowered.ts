/**
 * A model lowered to what the int8 runtime executes (lower.ts makes it): int8 tensors with their
 * (scale, zero point), and one op per layer of the int8 graph with its integer parameters. The reference
 * executor (execute.ts), the fake-quant tfjs model (fake-quant/) and — in the next round — the bundle
 * writer, the TS runtime and the C export all read this one structure.
 */
import type { WeightLayer } from '../models/ir';
import type { AffineParams } from './affine';
import type { S8Geometry } from './kernels/types';
import type { QuantizedMultiplier } from './multiplier';

/** An int8 tensor of the lowered model. */
export interface LoweredTensor {
  /** Shape without batch (the IR layer's output shape). */
  shape: number[];
  params: AffineParams;
}

/** Fields every op has: the tensor it writes (its name) and the ones it reads. */
interface OpBase {
  /** The tensor it writes: the int8-graph layer's name. */
  name: string;
  inputs: string[];
}

/**
 * A convolution (conv2d, conv1d, pointwise, dense as 1x1 over positions) or depthwise convolution with int8
 * weights (kept int8, or decoded from an int8 PQ codebook; an unfolded batch norm is a 1x1 depthwise with
 * multiplier 1): acc[u] = bias[u] + Σ (q_x − z_x)·w, q_y = clamp(MBQM(acc, mult[u], shift[u]) + z_y).
 */
export interface WeightOp extends OpBase {
  op: 'conv' | 'depthwise';
  /** The IR layer kind it comes from. */
  kind: WeightLayer['kind'] | 'batchNorm';
  format: 'pq' | 'int8';
  g: S8Geometry;
  /** int8 weights in the TensorFlow kernel layout (depthwise: kh x kw x inC x mult), padding dropped. */
  kernel: Int8Array;
  kernelShape: number[];
  /** PQ layers: what the bundle stores (the kernel is its decode). */
  pq: { codebook: string; values: Int8Array; scale: number; d: number; k: number; bits: number; indices: Uint8Array } | null;
  in: AffineParams;
  out: AffineParams;
  /** The output clamp: the fused activation (linear, ReLU, ReLU6) on the output's int8 range. */
  actMin: number;
  actMax: number;
  /** The layer's base multiplier: s_x · s_codebook / s_y (PQ) or s_x / s_y (int8). */
  base: QuantizedMultiplier;
  /** Each unit's float16 scale (bit pattern): PQ normalisation scale, int8 channel scale, or 1.0. */
  unitScales: Uint16Array;
  /** Each unit's multiplier and shift, derived from `base` and `unitScales` (unitMultiplier). */
  mult: Int32Array;
  shift: Int32Array;
  /**
   * int32 per unit as stored (bias.ts): round(b / (s_x · weightScale[u])) as int16 values times 2^biasShift.
   * Null when the layer has no bias.
   */
  bias: Int32Array | null;
  /** The stored biases: int16 values and the layer's shift (bias[u] = biasValues[u] · 2^biasShift). */
  biasValues: Int16Array | null;
  biasShift: number;
  /** The effective real weight scale of each unit, defined by the integers: mult·2^(shift−31) · s_y / s_x. */
  weightScale: Float64Array;
}

/** A layer kept float32 (the escape hatch): dequantise the input, run the float layer, quantise the output. */
export interface FloatOp extends OpBase {
  op: 'float';
  layer: WeightLayer;
  g: S8Geometry;
  in: AffineParams;
  out: AffineParams;
}

/** Max or average pooling (global pooling too): input and output share (s, z); TFLM's rounding of the average. */
export interface PoolOp extends OpBase {
  op: 'maxPool' | 'avgPool';
  g: S8Geometry;
}

/** Flatten and reshape: the same int8 values under another shape. */
export interface AliasOp extends OpBase { op: 'alias' }

/** A ReLU, ReLU6 or linear activation layer: a clamp on the input's own (s, z). */
export interface ClampOp extends OpBase { op: 'clamp'; min: number; max: number }

/** Sigmoid or tanh: a 256-entry table from the input's int8 value (q + 128) to the output's. */
export interface LutOp extends OpBase { op: 'lut'; activation: 'sigmoid' | 'tanh'; table: Int8Array }

/**
 * One binary add (TFLM's int8 add): each input's (q − z)·2^leftShift rescaled by its multiplier, summed, the
 * sum requantised to the output, plus z_y, clamped.
 */
export interface AddOp extends OpBase {
  op: 'add';
  leftShift: number;
  in: [AffineParams, AffineParams];
  inMult: [QuantizedMultiplier, QuantizedMultiplier];
  outMult: QuantizedMultiplier;
  out: AffineParams;
  actMin: number;
  actMax: number;
}

export type LoweredOp = WeightOp | FloatOp | PoolOp | AliasOp | ClampOp | LutOp | AddOp;

/** A model lowered to int8. */
export interface LoweredModel {
  name: string;
  /** The input tensor (the application quantises its features with its params). */
  input: string;
  /** The output tensor: int8 logits (a final softmax is dropped). */
  output: string;
  tensors: Record<string, LoweredTensor>;
  /** In execution order. */
  ops: LoweredOp[];
}
