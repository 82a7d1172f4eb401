import { describe, expect, it } from 'vitest';
import type { Layer, ModelIR } from './ir';
import { absorbIntoPrevious } from './absorb';

const act = (name: string, input: string): Layer => ({ kind: 'activation', name, inputs: [input], outputShape: [4], activation: 'relu' });

describe('absorbIntoPrevious', () => {
  const ir: ModelIR = {
    name: 'm', inputShape: [4], output: 'c',
    layers: [
      { kind: 'input', name: 'in', inputs: [], outputShape: [4] },
      act('a', 'in'),
      act('b', 'a'), // a is read by b only: absorbable
      act('c', 'b'), // the output: b read by c only, so c may be absorbed and the output moves to b
    ],
  };

  it('drops absorbed layers, rewires readers, moves the output and leaves the input IR alone', () => {
    const out = absorbIntoPrevious(ir, (p, l) => p.kind === 'activation' && l.kind === 'activation');
    expect(out.layers.map((l) => l.name)).toEqual(['in', 'a']);
    expect(out.output).toBe('a');
    expect(ir.layers).toHaveLength(4);
  });

  it('never absorbs into a producer that is read twice or is the output', () => {
    const twice: ModelIR = { ...ir, output: 'add', layers: [...ir.layers, { kind: 'add', name: 'add', inputs: ['a', 'c'], outputShape: [4], activation: 'linear' }] };
    // in <- a merge (in is read once); a (now in) is read by b and add, so b stays; c merges into b
    const out = absorbIntoPrevious(twice, () => true);
    expect(out.layers.map((l) => l.name)).toEqual(['in', 'b', 'add']);
    expect(out.layers.find((l) => l.name === 'add')?.inputs).toEqual(['in', 'b']);
    expect(out.layers.find((l) => l.name === 'b')?.inputs).toEqual(['in']);
  });
});
