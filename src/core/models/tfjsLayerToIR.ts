import type * as tf from '@tensorflow/tfjs';
import type { Activation, Layer, Padding, Tensor } from './ir';
import { ACTIVATIONS } from './ir';
import { EXTRA_LAYER_CLASSES, extraLayerToIR } from './layers/fromTfjs';

/** Keras/tfjs class names the adapters understand (Dropout-like layers are dropped at inference). */
export const SUPPORTED_LAYER_CLASSES = [
  'InputLayer', 'Dense', 'Conv1D', 'Conv2D', 'DepthwiseConv2D', 'SeparableConv2D', 'BatchNormalization',
  'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D', 'GlobalAveragePooling1D',
  'GlobalAveragePooling2D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'Flatten', 'Reshape', 'Dropout',
  'SpatialDropout1D', 'Activation', 'ReLU', 'Softmax', 'Add', ...EXTRA_LAYER_CLASSES,
] as const;

/** Classes that are the identity at inference. */
export const IDENTITY_CLASSES = new Set(['Dropout', 'SpatialDropout1D']);

type Cfg = Record<string, unknown>;

/** Context the converter needs about one tfjs layer. */
export interface LayerSource {
  layer: tf.layers.Layer;
  /** IR names of the layers feeding it. */
  inputs: string[];
  /** Output shape without the batch dimension. */
  outputShape: number[];
  /** Input shape without the batch dimension (first input). */
  inputShape: number[];
  /** Every input's shape without the batch dimension (default: [inputShape]). */
  inputShapes?: number[][];
}

function unsupported(l: tf.layers.Layer, why: string): never {
  throw new Error(`layer '${l.name}' (class ${l.getClassName()}) is not supported: ${why}. ` +
    `Supported layer classes: ${SUPPORTED_LAYER_CLASSES.join(', ')}; activations: ${ACTIVATIONS.join(', ')}.`);
}

function activation(l: tf.layers.Layer, v: unknown): Activation {
  const a = (v ?? 'linear') as string;
  if (!(ACTIVATIONS as readonly string[]).includes(a)) unsupported(l, `activation '${a}'`);
  return a as Activation;
}

function pair(v: unknown, dflt: number): [number, number] {
  if (v == null) return [dflt, dflt];
  if (typeof v === 'number') return [v, v];
  const a = v as number[];
  return [a[0], a.length > 1 ? a[1] : a[0]];
}
const single = (v: unknown, dflt: number): number => (v == null ? dflt : typeof v === 'number' ? v : (v as number[])[0]);

function padding(l: tf.layers.Layer, v: unknown): Padding {
  if (v !== 'same' && v !== 'valid') unsupported(l, `padding '${String(v)}'`);
  return v;
}

function channelsLast(l: tf.layers.Layer, c: Cfg): void {
  if (c.dataFormat !== undefined && c.dataFormat !== 'channelsLast') unsupported(l, `dataFormat '${String(c.dataFormat)}' (only channelsLast)`);
}

/** The layer's weights by their short name (`kernel`, `bias`, `gamma`, ...), copied. */
function weightsByName(l: tf.layers.Layer): Map<string, Tensor> {
  const vals = l.getWeights();
  const m = new Map<string, Tensor>();
  l.weights.forEach((w, i) => {
    const short = w.originalName.slice(w.originalName.lastIndexOf('/') + 1).replace(/_\d+$/, '');
    const v = vals[i];
    m.set(short, { shape: v.shape.slice(), data: Float32Array.from(v.dataSync() as Float32Array) });
  });
  return m;
}

function need(l: tf.layers.Layer, w: Map<string, Tensor>, name: string): Tensor {
  const t = w.get(name);
  if (!t) unsupported(l, `weight '${name}' is missing (has: ${[...w.keys()].join(', ') || 'none'})`);
  return t;
}

/**
 * Converts one tfjs layer into IR layer(s): SeparableConv2D becomes `<name>/depthwise` and
 * `<name>/pointwise`, everything else one layer. Throws an Error naming the layer, its class and the
 * supported classes for anything else.
 */
export function tfjsLayerToIR(src: LayerSource): Layer[] {
  const { layer: l, inputs, outputShape } = src;
  const c = l.getConfig() as Cfg;
  const cls = l.getClassName();
  const base = { name: l.name, inputs, outputShape };
  switch (cls) {
    case 'Dense': {
      const w = weightsByName(l);
      return [{ ...base, kind: 'dense', activation: activation(l, c.activation), kernel: need(l, w, 'kernel'), bias: w.get('bias') ?? null }];
    }
    case 'Conv2D': {
      channelsLast(l, c);
      const w = weightsByName(l);
      return [{ ...base, kind: 'conv2d', strides: pair(c.strides, 1), padding: padding(l, c.padding), dilation: pair(c.dilationRate, 1),
        activation: activation(l, c.activation), kernel: need(l, w, 'kernel'), bias: w.get('bias') ?? null }];
    }
    case 'Conv1D': {
      const w = weightsByName(l);
      return [{ ...base, kind: 'conv1d', stride: single(c.strides, 1), padding: padding(l, c.padding), dilation: single(c.dilationRate, 1),
        activation: activation(l, c.activation), kernel: need(l, w, 'kernel'), bias: w.get('bias') ?? null }];
    }
    case 'DepthwiseConv2D': {
      channelsLast(l, c);
      const w = weightsByName(l);
      return [{ ...base, kind: 'depthwiseConv2d', strides: pair(c.strides, 1), padding: padding(l, c.padding), dilation: pair(c.dilationRate, 1),
        activation: activation(l, c.activation), kernel: need(l, w, 'depthwise_kernel'), bias: w.get('bias') ?? null }];
    }
    case 'SeparableConv2D': {
      channelsLast(l, c);
      const w = weightsByName(l);
      const dk = need(l, w, 'depthwise_kernel');
      const pk = need(l, w, 'pointwise_kernel');
      const strides = pair(c.strides, 1);
      const pad = padding(l, c.padding);
      const dil = pair(c.dilationRate, 1);
      const x = src.inputShape;
      const mid = [outputShape[0], outputShape[1], x[x.length - 1] * dk.shape[3]];
      return [
        { name: `${l.name}/depthwise`, inputs, outputShape: mid, kind: 'depthwiseConv2d', strides, padding: pad, dilation: dil,
          activation: 'linear', kernel: dk, bias: null },
        { name: `${l.name}/pointwise`, inputs: [`${l.name}/depthwise`], outputShape, kind: 'conv2d', strides: [1, 1], padding: 'valid',
          dilation: [1, 1], activation: activation(l, c.activation), kernel: pk, bias: w.get('bias') ?? null },
      ];
    }
    case 'BatchNormalization': {
      const rank = src.inputShape.length + 1;
      const axis = c.axis as number | number[];
      const ax = Array.isArray(axis) ? (axis.length === 1 ? axis[0] : NaN) : axis;
      if (ax !== -1 && ax !== rank - 1) unsupported(l, `axis ${JSON.stringify(axis)} (only the last, channel axis)`);
      const w = weightsByName(l);
      const mean = need(l, w, 'moving_mean').data;
      const variance = need(l, w, 'moving_variance').data;
      const n = mean.length;
      const gamma = w.get('gamma')?.data;
      const beta = w.get('beta')?.data;
      const eps = (c.epsilon as number | undefined) ?? 1e-3;
      const scale = new Float32Array(n);
      const shift = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        scale[i] = (gamma ? gamma[i] : 1) / Math.sqrt(variance[i] + eps);
        shift[i] = (beta ? beta[i] : 0) - mean[i] * scale[i];
      }
      return [{ ...base, kind: 'batchNorm', scale: { shape: [n], data: scale }, shift: { shape: [n], data: shift } }];
    }
    case 'MaxPooling2D': case 'AveragePooling2D': {
      channelsLast(l, c);
      const poolSize = pair(c.poolSize, 2);
      return [{ ...base, kind: cls === 'MaxPooling2D' ? 'maxPool2d' : 'avgPool2d', poolSize,
        strides: c.strides == null ? poolSize : pair(c.strides, 1), padding: padding(l, c.padding) }];
    }
    case 'MaxPooling1D': case 'AveragePooling1D': {
      const poolSize = single(c.poolSize, 2);
      return [{ ...base, kind: cls === 'MaxPooling1D' ? 'maxPool1d' : 'avgPool1d', poolSize,
        stride: c.strides == null ? poolSize : single(c.strides, 1), padding: padding(l, c.padding) }];
    }
    case 'GlobalAveragePooling1D': return [{ ...base, kind: 'globalAvgPool1d' }];
    case 'GlobalMaxPooling1D': return [{ ...base, kind: 'globalMaxPool1d' }];
    case 'GlobalAveragePooling2D': channelsLast(l, c); return [{ ...base, kind: 'globalAvgPool2d' }];
    case 'GlobalMaxPooling2D': channelsLast(l, c); return [{ ...base, kind: 'globalMaxPool2d' }];
    case 'Flatten': return [{ ...base, kind: 'flatten' }];
    case 'Reshape': return [{ ...base, kind: 'reshape', targetShape: outputShape.slice() }];
    case 'Activation': return [{ ...base, kind: 'activation', activation: activation(l, c.activation) }];
    case 'Softmax': {
      const ax = c.axis as number | undefined;
      if (ax !== undefined && ax !== -1 && ax !== src.inputShape.length) unsupported(l, `softmax over axis ${ax} (only the last)`);
      return [{ ...base, kind: 'activation', activation: 'softmax' }];
    }
    case 'ReLU': {
      const mv = c.maxValue as number | null | undefined;
      if (mv != null && mv !== 6) return [{ ...base, kind: 'clippedRelu', maxValue: mv }];
      return [{ ...base, kind: 'activation', activation: mv === 6 ? 'relu6' : 'relu' }];
    }
    case 'Add': return [{ ...base, kind: 'add', activation: 'linear' }];
    default: {
      const extra = extraLayerToIR(cls, c, base, src.inputShapes ?? [src.inputShape], () => need(l, weightsByName(l), 'alpha'), (why) => unsupported(l, why));
      return extra ? [extra] : unsupported(l, 'unknown layer class');
    }
  }
}
