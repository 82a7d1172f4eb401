/**
 * A bundle model compiled into a flat list of ops with resolved geometry, weight references and arena
 * offsets. The TypeScript executor runs it; the C export writes it out as the C layer table, so both
 * execute exactly the same op sequence with the same buffers.
 */
import type { Activation } from '../models/ir';
import type { KernelEntry } from '../bundle/format';

/**
 * Op codes (the same numbers as YONO_OP_* in yono_runtime.h). Codes from 32 are the float ops of the layers
 * added for Keras-application and TFLite coverage; their geometry and parameters (the C header says the same):
 * - pad (ZeroPadding2D, and Cropping2D with negative pads): out[oy][ox] = in[oy - padT][ox - padL], 0 outside.
 * - concat: one op per input, which is inH rows of inC values, written at `out` (its slice start) with a
 *   row stride of outC values.
 * - mul, maximum, minimum, average (one op per input after the first, as `add`): operand `in` is
 *   inH x inW x inC, `in2` is kh x kw x mult; a dimension of 1 broadcasts to the output's. average:
 *   y = (a + b) * params[0] (1 on all but the last op, float32(1 / n) on the last, as tfjs' Average).
 * - upNearest, upBilinear: factors sh x sw (bilinear as tf.image.resizeBilinear without aligned corners).
 * - permute: output axes 0, 1, 2 (H, W, C) advance the input by kh, kw, mult floats.
 * - prelu: alpha (the `bnScale` section) is kh x kw x mult, broadcast as in mul.
 * - leakyRelu [alpha], thresholdedRelu [theta], clippedRelu [maxValue], rescale [scale, offset],
 *   fakeQuant [scale, zeroPoint, qmin, qmax]: element-wise with those `params`.
 */
export const OP = { conv: 1, depthwise: 2, maxPool: 3, avgPool: 4, globalMax: 5, globalAvg: 6, activation: 7, batchNorm: 8, add: 9, copy: 10,
  pad: 32, concat: 33, mul: 34, maximum: 35, minimum: 36, average: 37, upNearest: 38, upBilinear: 39, permute: 40, prelu: 41,
  leakyRelu: 42, thresholdedRelu: 43, clippedRelu: 44, rescale: 45, fakeQuant: 46 } as const;
export type OpCode = (typeof OP)[keyof typeof OP];

/** Activation codes (YONO_ACT_*): every IR activation runs in the float runtimes. */
export const ACT: Record<Activation, number> = { linear: 0, relu: 1, relu6: 2, sigmoid: 3, tanh: 4, softmax: 5,
  elu: 6, selu: 7, softplus: 8, softsign: 9, swish: 10, mish: 11, gelu: 12, gelu_new: 13, hardSigmoid: 14 };

/** Weight formats (YONO_W_*). */
export const WFMT = { none: 0, pq: 1, int8: 2, float32: 3 } as const;

/** Buffer regions (YONO_BUF_*): the activation arena, the caller's input, the output buffer. */
export const BUF = { arena: 0, input: 1, output: 2 } as const;
export type BufRegion = (typeof BUF)[keyof typeof BUF];

/** A tensor in one of the regions, `offset` and `size` in floats. */
export interface TensorRef { buf: BufRegion; offset: number; size: number }

/**
 * Geometry of an op in a uniform NHWC form (batch 1): rank-1 tensors are 1 x 1 x C, rank-2 are 1 x W x C.
 * Dense runs as a 1x1 convolution over every position of its input; conv1d as a convolution with H = 1.
 */
export interface Geometry {
  inH: number; inW: number; inC: number;
  outH: number; outW: number; outC: number;
  kh: number; kw: number; sh: number; sw: number; dh: number; dw: number;
  padT: number; padL: number;
  /** Depthwise multiplier (1 elsewhere). */
  mult: number;
}

/**
 * Where an op's kernel lives. Section indices point into the bundle (-1 = none). For every format the
 * receptive field of output unit u is read in the PQ layout's field order (input channel, then ky, kx).
 */
export interface WeightRef {
  format: number;
  entry: KernelEntry;
  /** Output units and receptive-field length. */
  units: number;
  field: number;
  /** PQ: subvector length, bits per index, codebook size, subvectors per unit. */
  d: number; bits: number; k: number; chunks: number;
  codebook: number; indices: number; scales: number; nScales: number;
  /** Bytes of one stored scale: 2 (f16 section), 4 (f32) or 0 (none). */
  scaleBytes: number;
  /** Bytes of one stored codeword value: 2 (f16 codebook section, what the writer stores), 4 (f32, older bundles) or 0 (not PQ). */
  codebookBytes: number;
  /** int8: values and per-unit scales; float32: values. Kernels stay in the IR's own layout. */
  q: number; data: number;
}

/** One step of the program. */
export interface Op {
  /** Index into Program.layers of the IR layer this op belongs to (an `add` of n inputs gives n - 1 ops). */
  layer: number;
  op: OpCode;
  act: number;
  in: TensorRef;
  /** Second operand of `add`. */
  in2: TensorRef | null;
  out: TensorRef;
  g: Geometry;
  w: WeightRef | null;
  /** Section indices (-1 = none). `bnScale` is PReLU's alpha for the prelu op. */
  bias: number; bnScale: number; bnShift: number;
  /** Float parameters of the element-wise ops from 32 (see OP); absent or empty elsewhere. */
  params?: number[];
}

/** A compiled model. */
export interface Program {
  model: string;
  /** Names and kinds of the IR layers, in order (layer 0 is the input). */
  layers: { name: string; kind: string; outputShape: number[] }[];
  ops: Op[];
  inputShape: number[];
  inputSize: number;
  outputShape: number[];
  outputSize: number;
  /** Planned arena (floats) and scratch for one decoded receptive field (floats). */
  arenaFloats: number;
  scratchFloats: number;
  /** Arena floats live while each IR layer runs (excluding the input and output buffers). */
  liveFloats: Float64Array;
}
