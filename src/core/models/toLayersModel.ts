import * as tf from '@tensorflow/tfjs';
import type { Layer, ModelIR, Tensor } from './ir';
import { MULTI_INPUT_KINDS } from './ir';
import { inferShapes } from './shapes';
import { extraLayerToTfjs } from './layers/toTfjs';

/** Epsilon of the BatchNormalization layers rebuilt from IR batchNorm layers (mean 0, var 1 - eps). */
const BN_EPS = 1e-3;

const t = (x: Tensor) => tf.tensor(x.data, x.shape, 'float32');

/** A tfjs layer for one IR layer and the weight values to set once it is built. */
function makeLayer(l: Exclude<Layer, { kind: 'input' }>): { layer: tf.layers.Layer; weights: Tensor[] } {
  const name = l.name;
  const kw = (k: Tensor, b: Tensor | null) => (b ? [k, b] : [k]);
  switch (l.kind) {
    case 'dense':
      return { layer: tf.layers.dense({ name, units: l.kernel.shape[1], activation: l.activation, useBias: !!l.bias }), weights: kw(l.kernel, l.bias) };
    case 'conv2d':
      return { layer: tf.layers.conv2d({ name, filters: l.kernel.shape[3], kernelSize: [l.kernel.shape[0], l.kernel.shape[1]], strides: l.strides,
        padding: l.padding, dilationRate: l.dilation, activation: l.activation, useBias: !!l.bias }), weights: kw(l.kernel, l.bias) };
    case 'conv1d':
      return { layer: tf.layers.conv1d({ name, filters: l.kernel.shape[2], kernelSize: l.kernel.shape[0], strides: l.stride,
        padding: l.padding, dilationRate: l.dilation, activation: l.activation, useBias: !!l.bias }), weights: kw(l.kernel, l.bias) };
    case 'depthwiseConv2d':
      return { layer: tf.layers.depthwiseConv2d({ name, kernelSize: [l.kernel.shape[0], l.kernel.shape[1]], depthMultiplier: l.kernel.shape[3],
        strides: l.strides, padding: l.padding, dilationRate: l.dilation, activation: l.activation, useBias: !!l.bias }), weights: kw(l.kernel, l.bias) };
    case 'batchNorm': {
      const n = l.scale.shape[0];
      return { layer: tf.layers.batchNormalization({ name, epsilon: BN_EPS }), weights: [l.scale, l.shift,
        { shape: [n], data: new Float32Array(n) }, { shape: [n], data: new Float32Array(n).fill(1 - BN_EPS) }] };
    }
    case 'maxPool2d': return { layer: tf.layers.maxPooling2d({ name, poolSize: l.poolSize, strides: l.strides, padding: l.padding }), weights: [] };
    case 'avgPool2d': return { layer: tf.layers.averagePooling2d({ name, poolSize: l.poolSize, strides: l.strides, padding: l.padding }), weights: [] };
    case 'maxPool1d': return { layer: tf.layers.maxPooling1d({ name, poolSize: l.poolSize, strides: l.stride, padding: l.padding }), weights: [] };
    case 'avgPool1d': return { layer: tf.layers.averagePooling1d({ name, poolSize: l.poolSize, strides: l.stride, padding: l.padding }), weights: [] };
    case 'globalAvgPool1d': return { layer: tf.layers.globalAveragePooling1d({ name }), weights: [] };
    case 'globalAvgPool2d': return { layer: tf.layers.globalAveragePooling2d({ name }), weights: [] };
    case 'globalMaxPool1d': return { layer: tf.layers.globalMaxPooling1d({ name }), weights: [] };
    case 'globalMaxPool2d': return { layer: tf.layers.globalMaxPooling2d({ name }), weights: [] };
    case 'flatten': return { layer: tf.layers.flatten({ name }), weights: [] };
    case 'reshape': return { layer: tf.layers.reshape({ name, targetShape: l.targetShape }), weights: [] };
    case 'activation': return { layer: tf.layers.activation({ name, activation: l.activation }), weights: [] };
    case 'add': return { layer: tf.layers.add({ name }), weights: [] };
    default: return extraLayerToTfjs(l);
  }
}

/** Options of toLayersModel. */
export interface LayersModelOptions {
  /**
   * Called with every IR layer's output (the input layer's too, and an add's after its activation); what it
   * returns is what the layer's readers read (e.g. the output through a fake-quantisation layer).
   */
  after?: (l: Layer, y: tf.SymbolicTensor) => tf.SymbolicTensor;
}

/**
 * Builds a functional tfjs LayersModel from the IR, with one tfjs layer per IR layer of the same name
 * (so `model.getLayer(irLayer.name)` works, kernel at weights[0], bias at weights[1]) and the IR's weights.
 * A batchNorm layer becomes a BatchNormalization with mean 0 and variance 1 - eps; an `add` with an
 * activation gets an Activation layer `<name>/activation` after it. The caller owns (disposes) the model.
 */
export function toLayersModel(ir: ModelIR, opts: LayersModelOptions = {}): tf.LayersModel {
  inferShapes(ir);
  const outs = new Map<string, tf.SymbolicTensor>();
  const input = tf.input({ shape: ir.inputShape, name: ir.layers[0].name });
  outs.set(ir.layers[0].name, opts.after ? opts.after(ir.layers[0], input) : input);
  for (const l of ir.layers) {
    if (l.kind === 'input') continue;
    const { layer, weights } = makeLayer(l);
    const ins = l.inputs.map((n) => outs.get(n) as tf.SymbolicTensor);
    let y = layer.apply(MULTI_INPUT_KINDS.has(l.kind) ? ins : ins[0]) as tf.SymbolicTensor;
    if (weights.length) {
      const vals = weights.map(t);
      layer.setWeights(vals);
      tf.dispose(vals);
    }
    if (l.kind === 'add' && l.activation !== 'linear') {
      y = tf.layers.activation({ name: `${l.name}/activation`, activation: l.activation }).apply(y) as tf.SymbolicTensor;
    }
    outs.set(l.name, opts.after ? opts.after(l, y) : y);
  }
  return tf.model({ inputs: input, outputs: outs.get(ir.output) as tf.SymbolicTensor, name: ir.name });
}
