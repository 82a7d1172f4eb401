import type { Layer, ModelIR, WeightLayer } from './ir';
import { isWeightLayer } from './ir';
import { cloneIR } from './clone';

/**
 * Folds each batchNorm layer into the conv/dense/depthwise layer right before it when that layer has a
 * linear activation and nothing else reads it: kernel[..., o] *= scale[o], bias = bias * scale + shift.
 * Other batchNorm layers are kept. Returns a new IR (the input is not modified); consumers of a folded
 * batchNorm read the weight layer instead (and the output moves to it if the batchNorm was the output).
 */
export function foldBatchNorm(ir: ModelIR): ModelIR {
  const out = cloneIR(ir);
  const readers = new Map<string, number>();
  for (const l of out.layers) for (const i of l.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const byName = new Map(out.layers.map((l) => [l.name, l]));
  const rename = new Map<string, string>();
  const kept: Layer[] = [];
  for (const l of out.layers) {
    l.inputs = l.inputs.map((n) => rename.get(n) ?? n);
    if (l.kind === 'batchNorm' && l.inputs.length === 1) {
      const prev = byName.get(l.inputs[0]);
      if (prev && isWeightLayer(prev) && prev.activation === 'linear' && readers.get(prev.name) === 1 && prev.name !== ir.output) {
        foldInto(prev, l.scale.data, l.shift.data);
        rename.set(l.name, prev.name);
        continue;
      }
    }
    kept.push(l);
  }
  out.layers = kept;
  out.output = rename.get(out.output) ?? out.output;
  return out;
}

/** kernel (..., units) columns scaled by `scale`; bias = bias * scale + shift. */
function foldInto(l: WeightLayer, scale: Float32Array, shift: Float32Array): void {
  const units = l.kind === 'depthwiseConv2d' ? l.kernel.shape[2] * l.kernel.shape[3] : l.kernel.shape[l.kernel.shape.length - 1];
  if (units !== scale.length) throw new Error(`foldBatchNorm: layer '${l.name}' has ${units} output channels, its batch norm ${scale.length}`);
  const k = l.kernel.data;
  // For depthwise (kh x kw x cin x mult) the output channel of element i is i % (cin*mult) too.
  for (let i = 0; i < k.length; i++) k[i] *= scale[i % units];
  const b = new Float32Array(units);
  for (let o = 0; o < units; o++) b[o] = (l.bias ? l.bias.data[o] : 0) * scale[o] + shift[o];
  l.bias = { shape: [units], data: b };
}
