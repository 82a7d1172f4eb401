import type { ModelIR, Tensor, WeightLayer } from './ir';
import { isWeightLayer } from './ir';
import { sizeOf } from './shapes';

/** One parameter tensor of the model, by layer and role. `tensor` is the IR's own (not a copy). */
export interface WeightEntry {
  layer: string;
  kind: WeightLayer['kind'] | 'batchNorm';
  role: 'kernel' | 'bias' | 'scale' | 'shift';
  tensor: Tensor;
}

/** Every parameter tensor in model order: kernel then bias of weight layers, scale then shift of batchNorm. */
export function irToWeightList(ir: ModelIR): WeightEntry[] {
  const out: WeightEntry[] = [];
  for (const l of ir.layers) {
    if (isWeightLayer(l)) {
      out.push({ layer: l.name, kind: l.kind, role: 'kernel', tensor: l.kernel });
      if (l.bias) out.push({ layer: l.name, kind: l.kind, role: 'bias', tensor: l.bias });
    } else if (l.kind === 'batchNorm') {
      out.push({ layer: l.name, kind: 'batchNorm', role: 'scale', tensor: l.scale });
      out.push({ layer: l.name, kind: 'batchNorm', role: 'shift', tensor: l.shift });
    }
  }
  return out;
}

/** The weight layer of that name; throws naming the model's weight layers if there is none. */
export function getWeightLayer(ir: ModelIR, name: string): WeightLayer {
  const l = ir.layers.find((x) => x.name === name);
  if (!l || !isWeightLayer(l)) {
    const names = ir.layers.filter(isWeightLayer).map((x) => x.name);
    throw new Error(`model '${ir.name}' has no weight layer '${name}' (weight layers: ${names.join(', ')})`);
  }
  return l;
}

/**
 * A new IR sharing everything with `ir` except the named layer, whose kernel (and bias, if given) are
 * replaced by the given row-major values of the same shape. `ir` itself is not modified.
 */
export function replaceKernel(ir: ModelIR, layerName: string, kernel: Float32Array, bias?: Float32Array): ModelIR {
  const l = getWeightLayer(ir, layerName);
  const n = sizeOf(l.kernel.shape);
  if (kernel.length !== n) throw new Error(`replaceKernel '${layerName}': ${kernel.length} values for kernel shape [${l.kernel.shape}] (${n})`);
  let b = l.bias;
  if (bias) {
    const units = l.bias ? l.bias.shape[0] : (l.kind === 'depthwiseConv2d' ? l.kernel.shape[2] * l.kernel.shape[3] : l.kernel.shape[l.kernel.shape.length - 1]);
    if (bias.length !== units) throw new Error(`replaceKernel '${layerName}': ${bias.length} bias values, the layer has ${units} units`);
    b = { shape: [units], data: bias };
  }
  const replaced: WeightLayer = { ...l, kernel: { shape: l.kernel.shape.slice(), data: kernel }, bias: b };
  return { ...ir, layers: ir.layers.map((x) => (x === l ? replaced : x)) };
}
