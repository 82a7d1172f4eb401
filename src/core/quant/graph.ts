/**
 * The graph the int8 runtime executes and which of its tensors carry quantisation parameters of their own.
 *
 * It is the inference graph (batch norm folded, activations fused: `inferenceGraph`) with every sigmoid,
 * tanh and softmax that a layer carries split off into an activation layer of its own, `<layer>/act`: the
 * int8 runtime applies ReLU and ReLU6 as the output clamp of the layer before, but sigmoid and tanh are a
 * lookup table on the layer's int8 pre-activation, which therefore needs its own (scale, zero point).
 * Softmax is dropped: the int8 model's output is the pre-softmax logits (argmax unchanged), so a softmax
 * may only be the model's last operation. An add of n > 2 inputs becomes n − 1 binary adds (TFLM's int8 add
 * is binary), the partial sums `<add>/sum<j>` linear with parameters of their own.
 */
import type { ActivationLayer, AddLayer, Layer, ModelIR } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { cloneIR } from '../models/clone';
import type { AffineParams } from './affine';

/** Suffix of the activation layer split off a layer. */
export const ACT_SUFFIX = '/act';

const SPLIT = new Set(['sigmoid', 'tanh', 'softmax']);

/** Output parameters of the lookup-table activations (TFLite's fixed ones: the output range is known). */
export const FIXED_PARAMS: Record<'sigmoid' | 'tanh', AffineParams> = {
  sigmoid: { scale: 1 / 256, zeroPoint: -128 },
  tanh: { scale: 1 / 128, zeroPoint: 0 },
};

/**
 * The int8 graph of an inference-graph IR (see the file comment). Weight layers keep their names. Throws
 * when a softmax is anywhere but last, or when a split name is taken.
 */
export function int8Graph(ir: ModelIR): ModelIR {
  const out = cloneIR(ir);
  const names = new Set(out.layers.map((l) => l.name));
  const rename = new Map<string, string>();
  const layers: Layer[] = [];
  const fresh = (name: string, what: string): string => {
    if (names.has(name)) throw new Error(`model '${ir.name}': cannot ${what}: a layer '${name}' exists`);
    names.add(name);
    return name;
  };
  for (const l of out.layers) {
    l.inputs = l.inputs.map((n) => rename.get(n) ?? n);
    if (l.kind === 'add' && l.inputs.length > 2) {
      // n inputs: n - 1 binary adds, the partial sums linear
      let prev = l.inputs[0];
      for (let j = 1; j < l.inputs.length - 1; j++) {
        const name = fresh(`${l.name}/sum${j}`, `split the add '${l.name}'`);
        const part: AddLayer = { kind: 'add', name, inputs: [prev, l.inputs[j]], outputShape: l.outputShape.slice(), activation: 'linear' };
        layers.push(part);
        prev = name;
      }
      l.inputs = [prev, l.inputs[l.inputs.length - 1]];
    }
    layers.push(l);
    if (!('activation' in l) || l.kind === 'activation' || !SPLIT.has(l.activation)) continue;
    const name = fresh(`${l.name}${ACT_SUFFIX}`, `split the ${l.activation} off layer '${l.name}'`);
    const act: ActivationLayer = { kind: 'activation', name, inputs: [l.name], outputShape: l.outputShape.slice(), activation: l.activation };
    l.activation = 'linear';
    rename.set(l.name, name);
    layers.push(act);
  }
  out.layers = layers;
  out.output = rename.get(out.output) ?? out.output;
  for (const l of out.layers) {
    if (l.kind === 'activation' && l.activation === 'softmax' && l.name !== out.output) {
      throw new Error(`model '${ir.name}': int8 activations support softmax only as the model's last operation, not at '${l.name}'`);
    }
  }
  return out;
}

/** The tensor the int8 model outputs: the logits before a final softmax, else the model output. */
export function int8Output(g: ModelIR): string {
  const out = g.layers.find((l) => l.name === g.output)!;
  return out.kind === 'activation' && out.activation === 'softmax' ? out.inputs[0] : out.name;
}

/**
 * Where a layer's output tensor gets its quantisation parameters:
 * - `own`: calibrated (the input, weight layers, add, batch norm);
 * - `same`: those of its input (pooling, flatten, reshape, and ReLU/ReLU6/linear activation layers, which
 *   clamp), as TFLM requires of pooling;
 * - `fixed`: the lookup-table activations (FIXED_PARAMS);
 * - `float`: the final softmax, computed after the int8 output.
 */
export type TensorRule = { kind: 'own' } | { kind: 'same'; as: string } | { kind: 'fixed'; params: AffineParams } | { kind: 'float' };

/** The rule of one layer of an int8 graph. */
export function tensorRule(l: Layer): TensorRule {
  if (l.kind === 'input' || isWeightLayer(l) || l.kind === 'add' || l.kind === 'batchNorm') return { kind: 'own' };
  if (l.kind === 'activation') {
    if (l.activation === 'softmax') return { kind: 'float' };
    if (l.activation === 'sigmoid' || l.activation === 'tanh') return { kind: 'fixed', params: FIXED_PARAMS[l.activation] };
  }
  return { kind: 'same', as: l.inputs[0] };
}

/** Names of the tensors of an int8 graph that are calibrated (rule `own`), in graph order. */
export function calibratedTensors(g: ModelIR): string[] {
  return g.layers.filter((l) => tensorRule(l).kind === 'own').map((l) => l.name);
}

/**
 * The quantisation parameters of every tensor of an int8 graph (all but a final softmax), from those of
 * its calibrated tensors (`own`). Throws naming a calibrated tensor that `own` lacks.
 */
export function resolveParams(g: ModelIR, own: Record<string, AffineParams>): Record<string, AffineParams> {
  const out: Record<string, AffineParams> = {};
  for (const l of g.layers) {
    const r = tensorRule(l);
    if (r.kind === 'float') continue;
    if (r.kind === 'fixed') { out[l.name] = r.params; continue; }
    const p = r.kind === 'own' ? own[l.name] : out[r.as];
    if (!p) throw new Error(`model '${g.name}': tensor '${r.kind === 'own' ? l.name : r.as}' has no quantisation parameters (calibrate the model first)`);
    out[l.name] = p;
  }
  return out;
}
