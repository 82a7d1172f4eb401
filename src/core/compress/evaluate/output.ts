import type { ModelIR } from '../../models/ir';

/** True when the model's output already applies softmax (losses and KL then take probabilities). */
export function outputIsSoftmax(ir: ModelIR): boolean {
  const out = ir.layers.find((l) => l.name === ir.output);
  return !!out && 'activation' in out && out.activation === 'softmax';
}
