import type * as tf from '@tensorflow/tfjs';
import type { Layer, ModelIR } from './ir';
import { IDENTITY_CLASSES, tfjsLayerToIR } from './tfjsLayerToIR';
import { inferShapes } from './shapes';

const dropBatch = (s: unknown, l: tf.layers.Layer): number[] => {
  const shape = (Array.isArray(s) && Array.isArray(s[0]) ? s[0] : s) as (number | null)[];
  const rest = shape.slice(1);
  if (rest.some((d) => d == null)) throw new Error(`layer '${l.name}' has an unknown dimension in its shape [${shape.map(String)}]: give the model a fixed input shape`);
  return rest as number[];
};

/** The single inbound node's input layers; shared layers (called more than once) are rejected. */
function inboundLayers(l: tf.layers.Layer): tf.layers.Layer[] {
  if (l.inboundNodes.length > 1) {
    throw new Error(`layer '${l.name}' (class ${l.getClassName()}) is used ${l.inboundNodes.length} times in the graph: shared layers are not supported`);
  }
  return l.inboundNodes.length ? l.inboundNodes[0].inboundLayers : [];
}

/**
 * Converts a tfjs LayersModel (Sequential or functional, one input, one output) into the model IR,
 * copying every weight. BatchNormalization stays as a `batchNorm` layer (see foldBatchNorm), Dropout
 * layers are dropped, SeparableConv2D is split into depthwise + pointwise. Throws an Error naming the
 * first unsupported layer, its class and the supported ones.
 */
export function fromLayersModel(model: tf.LayersModel, name: string): ModelIR {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error(`model '${name}' has ${model.inputs.length} inputs and ${model.outputs.length} outputs: only single-input, single-output models are supported`);
  }
  const inputLayer = model.inputs[0].sourceLayer;
  const order: tf.layers.Layer[] = [inputLayer];
  for (const l of model.layers) if (l !== inputLayer) order.push(l);

  // IR name that stands for each tfjs layer's output (identity layers forward their input's name).
  const alias = new Map<tf.layers.Layer, string>();
  const inputShape = dropBatch(inputLayer.outputShape, inputLayer);
  const layers: Layer[] = [];
  for (const l of order) {
    const cls = l.getClassName();
    if (l === inputLayer) {
      if (cls !== 'InputLayer') throw new Error(`model '${name}': its input comes from a '${cls}' layer, expected an InputLayer`);
      layers.push({ kind: 'input', name: l.name, inputs: [], outputShape: inputShape.slice() });
      alias.set(l, l.name);
      continue;
    }
    if (cls === 'InputLayer') throw new Error(`model '${name}': a second InputLayer '${l.name}': only single-input models are supported`);
    const srcs = inboundLayers(l);
    const inputs = srcs.map((s) => {
      const a = alias.get(s);
      if (a === undefined) throw new Error(`model '${name}': layer '${l.name}' reads '${s.name}', which is not part of the model (nested models are not supported)`);
      return a;
    });
    if (IDENTITY_CLASSES.has(cls)) {
      alias.set(l, inputs[0]);
      continue;
    }
    const inShapes = inputs.map((n) => layers.find((x) => x.name === n)?.outputShape ?? []);
    const converted = tfjsLayerToIR({ layer: l, inputs, outputShape: dropBatch(l.outputShape, l), inputShape: inShapes[0] ?? [], inputShapes: inShapes });
    layers.push(...converted);
    alias.set(l, converted[converted.length - 1].name);
  }
  const output = alias.get(model.outputs[0].sourceLayer);
  if (output === undefined) throw new Error(`model '${name}': its output layer is not part of the model`);
  const ir: ModelIR = { name, inputShape, layers, output };
  inferShapes(ir);
  return ir;
}
