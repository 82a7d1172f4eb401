import { describe, expect, it } from 'vitest';
import { IRBuilder } from '../reference-models/builder';
import { countsFromIR } from './counts-from-ir';

function tiny() {
  const b = new IRBuilder('tiny', [8, 8, 2]);
  b.conv2d(4, [3, 3], [1, 1], 'same', 'relu', { name: 'c1' }); // 9*2*4 = 72 weights
  b.conv2d(8, [1, 1], [1, 1], 'same', 'relu', { name: 'p1' }); // 4*8 = 32 weights
  b.flatten('f');
  b.dense(10, 'softmax', { name: 'fc' }); // 512*10 = 5120 weights
  return b.build();
}

describe('countsFromIR', () => {
  it('counts MACs, weights and output elements per layer', () => {
    const m = countsFromIR(tiny(), 'float32');
    const byName = Object.fromEntries(m.layers.map((l) => [l.layer, l]));
    expect(byName.c1).toMatchObject({ op: 'conv', macs: 64 * 72, weights: 72, biases: 4, outputElements: 256, inputChannels: 2 });
    expect(byName.p1).toMatchObject({ op: 'pointwise', macs: 64 * 32 });
    expect(byName.fc).toMatchObject({ op: 'dense', macs: 5120, weights: 5120 });
    expect(byName.f).toMatchObject({ op: 'other', macs: 0, activationBytes: { read: 0, written: 0 } });
    expect(m.float32WeightBytes).toBe((72 + 4 + 32 + 8 + 5120 + 10) * 4);
    expect(m.int8WeightBytes).toBe(72 + 32 + 5120 + (4 + 8 + 10) * (4 + 8));
  });

  it('pq: lookups per output unit, packed indices, codebooks by kernel kind, small kernels kept', () => {
    const m = countsFromIR(tiny(), 'pq', { pq: { keepBelowWeights: 50, other: { id: 'fc', d: 4, k: 16 } } });
    const byName = Object.fromEntries(m.layers.map((l) => [l.layer, l]));
    // c1: receptive field 18 -> ceil(18/9) = 2 subvectors per output unit, 4 units
    expect(byName.c1).toMatchObject({ weightFormat: 'pq', codebookLookups: 8, indicesUnpacked: 8, codewordLength: 9, decodedWeights: 72 });
    expect(byName.p1.weightFormat).toBe('int8'); // 32 weights < 50
    // fc: 512 / 4 = 128 subvectors x 10 units at log2(16) = 4 bits
    expect(byName.fc).toMatchObject({ codebookLookups: 1280, codewordLength: 4 });
    expect(m.flashBytes.indices).toBe(Math.ceil((8 * 8) / 8) + (1280 * 4) / 8);
    // codebooks are float16: 2 bytes per value
    expect(m.codebooks).toEqual([{ id: 'conv3x3', bytes: 256 * 9 * 2 }, { id: 'fc', bytes: 16 * 4 * 2 }]);
    // bytes read by fc: its packed indices, 1280 codewords of 4 float16 values, 10 float16 biases, one float16 scale
    expect(byName.fc.weightBytesRead.flash).toBe((1280 * 4) / 8 + 1280 * 4 * 2 + 10 * 2 + 2);
    expect(m.scratchBytes).toBe(512 * 4);
  });

  it('decode per position multiplies lookups by output positions', () => {
    const a = countsFromIR(tiny(), 'pq', { pq: { keepBelowWeights: 0 } });
    const b = countsFromIR(tiny(), 'pq', { pq: { keepBelowWeights: 0 }, decode: 'position' });
    expect(b.layers[0].codebookLookups).toBe(a.layers[0].codebookLookups * 64);
    expect(b.layers[2].codebookLookups).toBe(a.layers[2].codebookLookups); // flatten: none
  });

  it('puts weight bytes in the region asked for and scales activations with their type', () => {
    const f = countsFromIR(tiny(), 'int8', { weightsIn: 'sram' });
    expect(f.layers[0].weightBytesRead).toEqual({ flash: 0, sram: 72 + 4 * 4 + 4 * 8 });
    const g = countsFromIR(tiny(), 'float32');
    expect(g.arenaBytes).toBe(4 * f.arenaBytes);
    expect(g.inputBytes).toBe(8 * 8 * 2 * 4);
  });

  it('rejects an IR without an input layer', () => {
    const ir = tiny();
    expect(() => countsFromIR({ ...ir, layers: ir.layers.slice(1) }, 'int8')).toThrow(/input layer/);
  });
});
