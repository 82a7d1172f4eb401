import type { ModelIR } from './ir';
import { isWeightLayer } from './ir';
import { absorbIntoPrevious } from './absorb';
import { foldBatchNorm } from './foldBatchNorm';

/**
 * Fuses each standalone activation layer into the layer right before it (conv/dense/depthwise or add)
 * when that layer is linear and nothing else reads it: the layer takes the activation, and readers of the
 * activation layer read it instead (the output moves to it when the activation was the output).
 * Predictions do not change; a runtime then needs no buffer for the activation's output, which halves
 * the peak activation memory of conv -> batch norm -> ReLU chains (tf.layers.reLU after a folded batch
 * norm). Returns a new IR; the input is not modified.
 */
export function fuseActivations(ir: ModelIR): ModelIR {
  return absorbIntoPrevious(ir, (prev, l) => {
    if (l.kind !== 'activation' || !(isWeightLayer(prev) || prev.kind === 'add') || prev.activation !== 'linear') return false;
    prev.activation = l.activation;
    return true;
  });
}

/**
 * The graph the pipeline, the runtime and the C export work on: batch norm folded, then activations
 * fused. Same predictions as `ir`.
 */
export function inferenceGraph(ir: ModelIR): ModelIR {
  return fuseActivations(foldBatchNorm(ir));
}
