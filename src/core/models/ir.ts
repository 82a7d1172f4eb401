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

/**
 * Element-wise activations, named as tfjs-layers 4.22 names them (`hardSigmoid` is tfjs' clip(0.2x + 0.5,
 * 0, 1), not Keras 3's x/6 + 0.5; `gelu` is the erf form, `gelu_new` the tanh approximation; `elu` has
 * alpha 1, the only one tfjs loads). The float virtual MCU and C runtime run all of them.
 */
export type Activation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax'
  | 'elu' | 'selu' | 'softplus' | 'softsign' | 'swish' | 'mish' | 'gelu' | 'gelu_new' | 'hardSigmoid';

/** Every activation of the IR, in the order of the type. */
export const ACTIVATIONS: readonly Activation[] = ['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax',
  'elu', 'selu', 'softplus', 'softsign', 'swish', 'mish', 'gelu', 'gelu_new', 'hardSigmoid'];

/** The activations of the first runtime (before the Keras-application ones); the float runtimes now run every Activation. */
export type RuntimeActivation = 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax';

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

/** Zero padding of a 2-D map (ZeroPadding2D, TFLite PAD): rows before/after, columns before/after. */
export interface ZeroPad2DLayer extends LayerBase { kind: 'zeroPad2d'; /** [top, bottom, left, right] */ pad: [number, number, number, number] }
/** Cropping of a 2-D map (Cropping2D): rows removed before/after, columns before/after. */
export interface Crop2DLayer extends LayerBase { kind: 'crop2d'; /** [top, bottom, left, right] */ crop: [number, number, number, number] }
/** Concatenation of two or more inputs along `axis` (index into the shape without batch, >= 0). */
export interface ConcatLayer extends LayerBase { kind: 'concat'; axis: number }
/**
 * Element-wise merge of two or more inputs of the same rank; a dimension of 1 broadcasts (the
 * squeeze-and-excitation product (1 x 1 x C) * (H x W x C)), as tfjs' merge layers do.
 */
export interface MergeLayer extends LayerBase { kind: 'multiply' | 'average' | 'maximum' | 'minimum' }
/** UpSampling2D: each row repeated size[0] times, each column size[1] times ('nearest'), or bilinear. */
export interface UpSample2DLayer extends LayerBase { kind: 'upSample2d'; size: [number, number]; interpolation: 'nearest' | 'bilinear' }
/** Permute: output axis i is input axis perm[i] (0-based, without batch; Keras' dims minus 1). */
export interface PermuteLayer extends LayerBase { kind: 'permute'; perm: number[] }
/** Rescaling: y = x * scale + offset. */
export interface RescaleLayer extends LayerBase { kind: 'rescale'; scale: number; offset: number }
/** LeakyReLU: y = x for x >= 0, alpha * x below. */
export interface LeakyReluLayer extends LayerBase { kind: 'leakyRelu'; alpha: number }
/** ThresholdedReLU: y = x where x > theta, else 0. */
export interface ThresholdedReluLayer extends LayerBase { kind: 'thresholdedRelu'; theta: number }
/** ReLU with a max value other than 6 (6 is the `relu6` activation): y = min(max(x, 0), maxValue). */
export interface ClippedReluLayer extends LayerBase { kind: 'clippedRelu'; maxValue: number }
/** PReLU: y = x for x >= 0, alpha * x below; alpha has the input's shape with shared axes set to 1. */
export interface PReluLayer extends LayerBase { kind: 'prelu'; alpha: Tensor }
/**
 * The quantisation of a TFLite model's int8/uint8 input or output, honoured in evaluation:
 * y = (clamp(round(x / scale) + zeroPoint, qmin, qmax) - zeroPoint) * scale (a fake quantisation).
 */
export interface FakeQuantLayer extends LayerBase { kind: 'fakeQuant'; scale: number; zeroPoint: number; qmin: number; qmax: number }

export type Layer =
  | InputLayer | DenseLayer | Conv2DLayer | Conv1DLayer | DepthwiseConv2DLayer | BatchNormLayer
  | Pool2DLayer | Pool1DLayer | GlobalPoolLayer | FlattenLayer | ReshapeLayer | ActivationLayer | AddLayer
  | ZeroPad2DLayer | Crop2DLayer | ConcatLayer | MergeLayer | UpSample2DLayer | PermuteLayer | RescaleLayer
  | LeakyReluLayer | ThresholdedReluLayer | ClippedReluLayer | PReluLayer | FakeQuantLayer;

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

/** Kinds that read two or more inputs. */
export const MULTI_INPUT_KINDS: ReadonlySet<LayerKind> = new Set(['add', 'concat', 'multiply', 'average', 'maximum', 'minimum']);

/** True for the layers that carry a compressible kernel. */
export function isWeightLayer(l: Layer): l is WeightLayer {
  return l.kind === 'dense' || l.kind === 'conv2d' || l.kind === 'conv1d' || l.kind === 'depthwiseConv2d';
}
