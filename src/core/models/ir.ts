/**
 * The model IR: a small, framework-free description of an inference graph with its weights as typed
 * arrays. Everything downstream (compression, bundle, virtual MCU, C export) reads this, never tfjs.
 *
 * Conventions (the same as tfjs/Keras, channels-last, batch dimension omitted everywhere):
 * - activations are NHWC (2-D) or NWC (1-D); `outputShape` excludes the batch dimension;
 * - Dense kernel (in x units); Conv2D kernel (kh x kw x cin x cout); Conv1D kernel (k x cin x cout);
 *   DepthwiseConv2D kernel (kh x kw x cin x depthMultiplier); all row-major Float32Array.
 * - SeparableConv2D is represented as a depthwise layer (no bias, linear) followed by a 1x1 conv2d,
 *   named `<name>/depthwise` and `<name>/pointwise`.
 * - BatchNormalization is folded into the preceding conv/dense when it directly follows one and nothing
 *   else reads that layer; otherwise it stays as a `batchNorm` layer holding a per-channel scale and shift.
 * - Layers are listed in a topological order; `inputs` name the producing layers (the graph input is the
 *   single `input` layer, first in the list). The model output is the layer named by `output`.
 */

export type Activation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax';
export type Padding = 'valid' | 'same';

/** A dense row-major tensor. */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

interface LayerBase {
  /** Unique within the model. */
  name: string;
  /** Names of the layers whose outputs this layer reads. */
  inputs: string[];
  /** Output shape without the batch dimension. */
  outputShape: number[];
}

export interface InputLayer extends LayerBase { kind: 'input' }

export interface DenseLayer extends LayerBase {
  kind: 'dense';
  activation: Activation;
  /** (in x units) */
  kernel: Tensor;
  /** (units) or null */
  bias: Tensor | null;
}

export interface Conv2DLayer extends LayerBase {
  kind: 'conv2d';
  strides: [number, number];
  padding: Padding;
  dilation: [number, number];
  activation: Activation;
  /** (kh x kw x cin x cout) */
  kernel: Tensor;
  /** (cout) or null */
  bias: Tensor | null;
}

export interface Conv1DLayer extends LayerBase {
  kind: 'conv1d';
  stride: number;
  padding: Padding;
  dilation: number;
  activation: Activation;
  /** (k x cin x cout) */
  kernel: Tensor;
  bias: Tensor | null;
}

export interface DepthwiseConv2DLayer extends LayerBase {
  kind: 'depthwiseConv2d';
  strides: [number, number];
  padding: Padding;
  dilation: [number, number];
  activation: Activation;
  /** (kh x kw x cin x depthMultiplier) */
  kernel: Tensor;
  /** (cin * depthMultiplier) or null */
  bias: Tensor | null;
}

/** An unfolded batch normalization: y = x * scale + shift per channel (last axis). */
export interface BatchNormLayer extends LayerBase {
  kind: 'batchNorm';
  /** (channels) gamma / sqrt(var + eps) */
  scale: Tensor;
  /** (channels) beta - mean * scale */
  shift: Tensor;
}

export interface Pool2DLayer extends LayerBase {
  kind: 'maxPool2d' | 'avgPool2d';
  poolSize: [number, number];
  strides: [number, number];
  padding: Padding;
}

export interface Pool1DLayer extends LayerBase {
  kind: 'maxPool1d' | 'avgPool1d';
  poolSize: number;
  stride: number;
  padding: Padding;
}

export interface GlobalPoolLayer extends LayerBase {
  kind: 'globalAvgPool1d' | 'globalAvgPool2d' | 'globalMaxPool1d' | 'globalMaxPool2d';
}

export interface FlattenLayer extends LayerBase { kind: 'flatten' }
export interface ReshapeLayer extends LayerBase { kind: 'reshape'; targetShape: number[] }
export interface ActivationLayer extends LayerBase { kind: 'activation'; activation: Activation }
export interface AddLayer extends LayerBase { kind: 'add'; activation: Activation }

export type Layer =
  | InputLayer | DenseLayer | Conv2DLayer | Conv1DLayer | DepthwiseConv2DLayer | BatchNormLayer
  | Pool2DLayer | Pool1DLayer | GlobalPoolLayer | FlattenLayer | ReshapeLayer | ActivationLayer | AddLayer;

export type LayerKind = Layer['kind'];

/** Layers that carry a weight kernel that product quantization can compress. */
export type WeightLayer = DenseLayer | Conv2DLayer | Conv1DLayer | DepthwiseConv2DLayer;

export interface ModelIR {
  /** Model name, e.g. the task name `digits`. */
  name: string;
  /** Input shape without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: number[];
  /** Topologically ordered; layers[0] is the `input` layer. */
  layers: Layer[];
  /** Name of the layer whose output is the model output (class scores or probabilities). */
  output: string;
}

/** True for the layers that carry a compressible kernel. */
export function isWeightLayer(l: Layer): l is WeightLayer {
  return l.kind === 'dense' || l.kind === 'conv2d' || l.kind === 'conv1d' || l.kind === 'depthwiseConv2d';
}
