import { describe, expect, it } from 'vitest';
import { decodeKernel, encodeInt8, encodePQ, prepareKernel } from './encode';
import { createRng } from '../../util/random';
import type { CodebookGroup } from '../types';
import type { WeightLayer } from '../../models/ir';

const KERNELS: [WeightLayer['kind'], number[]][] = [
  ['dense', [13, 5]], ['conv1d', [5, 3, 4]], ['conv2d', [3, 3, 2, 4]], ['depthwiseConv2d', [3, 3, 3, 2]],
];

function kernel(shape: number[], seed: number): Float32Array {
  const r = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  // units of very different scale, so that normalization matters
  return Float32Array.from({ length: n }, (_, i) => (r() - 0.5) * 10 ** (i % 3));
}

describe('PQ encode / decode', () => {
  for (const [kind, shape] of KERNELS) {
    for (const norm of ['none', 'layer', 'channel'] as const) {
      it(`${kind} ${norm}: a codebook holding every subvector decodes exactly (padding dropped)`, () => {
        const w = kernel(shape, 7);
        const d = kind === 'dense' ? 4 : 9; // 13 -> 4 chunks with 3 padding; conv1d 15 -> 2 chunks
        const p = prepareKernel(kind, shape, w, d, norm);
        expect(p.scales?.length ?? 0).toBe(norm === 'none' ? 0 : norm === 'layer' ? 1 : p.layout.units);
        const cb: CodebookGroup = { name: 'g', d, k: p.layout.count, codebook: p.sub.slice(), layers: [] };
        const { enc, decoded } = encodePQ(kind, shape, w, cb, norm);
        expect(enc.format).toBe('pq');
        for (let i = 0; i < w.length; i++) expect(decoded[i]).toBeCloseTo(w[i], 4);
        expect(decodeKernel(enc, [cb], new Float32Array(0))).toEqual(decoded);
      });
    }
  }

  it('int8 decodes through decodeKernel; bad groups are reported', () => {
    const w = kernel([3, 3, 2, 4], 3);
    const { enc, decoded } = encodeInt8('conv2d', [3, 3, 2, 4], w);
    expect(decodeKernel(enc, [], new Float32Array(0))).toEqual(decoded);
    const p = prepareKernel('dense', [13, 5], kernel([13, 5], 1), 4, 'none');
    const cb: CodebookGroup = { name: 'g', d: 4, k: p.layout.count, codebook: p.sub, layers: [] };
    const pq = encodePQ('dense', [13, 5], kernel([13, 5], 1), cb, 'none').enc;
    expect(() => decodeKernel(pq, [], new Float32Array(0))).toThrow(/group 'g' is missing/);
    expect(() => decodeKernel(pq, [{ ...cb, d: 5 }], new Float32Array(0))).toThrow(/d = 5/);
  });
});
