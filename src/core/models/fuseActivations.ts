import type { Layer, ModelIR } from './ir';
import { isWeightLayer } from './ir';
import { cloneIR } from './clone';
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
  const out = cloneIR(ir);
  const readers = new Map<string, number>();
  for (const l of out.layers) for (const i of l.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const byName = new Map(out.layers.map((l) => [l.name, l]));
  const rename = new Map<string, string>();
  const kept: Layer[] = [];
  for (const l of out.layers) {
    l.inputs = l.inputs.map((n) => rename.get(n) ?? n);
    if (l.kind === 'activation' && l.inputs.length === 1) {
      const prev = byName.get(l.inputs[0]);
      if (prev && (isWeightLayer(prev) || prev.kind === 'add') && prev.activation === 'linear' && readers.get(prev.name) === 1 && prev.name !== out.output) {
        prev.activation = l.activation;
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

/**
 * The graph the pipeline, the runtime and the C export work on: batch norm folded, then activations
 * fused. Same predictions as `ir`.
 */
export function inferenceGraph(ir: ModelIR): ModelIR {
  return fuseActivations(foldBatchNorm(ir));
}
