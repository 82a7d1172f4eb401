import type { Layer, ModelIR } from './ir';
import { cloneIR } from './clone';

/**
 * Graph rewrite shared by batch-norm folding and activation fusion: walks a copy of `ir` and, for every
 * single-input layer whose producer nothing else reads (and is not the output), asks `absorb(producer,
 * layer)`; when it returns true (having merged the layer into the producer, which it may mutate: it is
 * the copy's), the layer is dropped and its readers read the producer instead (the output moves too).
 */
export function absorbIntoPrevious(ir: ModelIR, absorb: (producer: Layer, layer: Layer) => boolean): ModelIR {
  const out = cloneIR(ir);
  const readers = new Map<string, number>();
  for (const l of out.layers) for (const i of l.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const byName = new Map(out.layers.map((l) => [l.name, l]));
  const rename = new Map<string, string>();
  const kept: Layer[] = [];
  for (const l of out.layers) {
    l.inputs = l.inputs.map((n) => rename.get(n) ?? n);
    const prev = l.inputs.length === 1 ? byName.get(l.inputs[0]) : undefined;
    if (prev && readers.get(prev.name) === 1 && prev.name !== out.output && absorb(prev, l)) {
      rename.set(l.name, prev.name);
      readers.set(prev.name, readers.get(l.name) ?? 0); // the merged layer is read where `l` was
      continue;
    }
    kept.push(l);
  }
  out.layers = kept;
  out.output = rename.get(out.output) ?? out.output;
  return out;
}
