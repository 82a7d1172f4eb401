import type { ModelIR, WeightLayer } from './ir';
import { isWeightLayer } from './ir';
import { absorbIntoPrevious } from './absorb';

/**
 * Folds each batchNorm layer into the conv/dense/depthwise layer right before it when that layer has a
 * linear activation and nothing else reads it: kernel[..., o] *= scale[o], bias = bias * scale + shift.
 * Other batchNorm layers are kept. Returns a new IR (the input is not modified); consumers of a folded
 * batchNorm read the weight layer instead (and the output moves to it if the batchNorm was the output).
 */
export function foldBatchNorm(ir: ModelIR): ModelIR {
  return absorbIntoPrevious(ir, (prev, l) => {
    if (l.kind !== 'batchNorm' || !isWeightLayer(prev) || prev.activation !== 'linear') return false;
    foldInto(prev, l.scale.data, l.shift.data);
    return true;
  });
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
