import { describe, expect, it } from 'vitest';
import { fromSubvectors, subvectorLayout, toSubvectors } from './layout';
import type { KernelKind } from './layout';
import { createRng } from '../util/random';

function randomKernel(shape: number[], seed: number): Float32Array {
  const r = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r() - 0.5);
}

describe('subvectorLayout', () => {
  it('counts units, field, chunks and padding per kind', () => {
    expect(subvectorLayout('dense', [10, 4], 4)).toMatchObject({ units: 4, fieldSize: 10, chunksPerUnit: 3, padding: 2, count: 12 });
    expect(subvectorLayout('conv1d', [5, 3, 7], 4)).toMatchObject({ units: 7, fieldSize: 15, chunksPerUnit: 4, padding: 1, count: 28 });
    expect(subvectorLayout('conv2d', [3, 3, 16, 32], 9)).toMatchObject({ units: 32, fieldSize: 144, chunksPerUnit: 16, padding: 0, count: 512 });
    expect(subvectorLayout('depthwiseConv2d', [3, 3, 8, 2], 4)).toMatchObject({ units: 16, fieldSize: 9, chunksPerUnit: 3, padding: 3, count: 48 });
  });
  it('rejects bad shapes and d with a message that says what is wrong', () => {
    expect(() => subvectorLayout('conv2d', [3, 3, 16], 9)).toThrow(/4 positive integer dimensions/);
    expect(() => subvectorLayout('dense', [4, 0], 2)).toThrow(/positive integer/);
    expect(() => subvectorLayout('dense', [4, 4], 0)).toThrow(/d must be a positive integer/);
    expect(() => subvectorLayout('lstm' as KernelKind, [4, 4], 2)).toThrow(/unknown kernel kind/);
  });
});

describe('toSubvectors order', () => {
  it('conv2d with d = 9: one 3x3 kernel of one input channel is exactly one subvector (ci, then ky, kx)', () => {
    const [kh, kw, cin, cout] = [3, 3, 2, 3];
    const k = new Float32Array(kh * kw * cin * cout);
    // value = 1000*o + 100*ci + 10*ky + kx at kernel[ky][kx][ci][o]
    for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) for (let ci = 0; ci < cin; ci++) for (let o = 0; o < cout; o++) {
      k[((ky * kw + kx) * cin + ci) * cout + o] = 1000 * o + 100 * ci + 10 * ky + kx;
    }
    const sub = toSubvectors(k, subvectorLayout('conv2d', [kh, kw, cin, cout], 9));
    // subvector index = o * cin + ci
    expect(Array.from(sub.subarray((2 * cin + 1) * 9, (2 * cin + 2) * 9))).toEqual([2100, 2101, 2102, 2110, 2111, 2112, 2120, 2121, 2122]);
  });
  it('dense, conv1d and depthwise follow the documented order and pad with zeros', () => {
    // dense (in=3 x units=2), d=2: unit u = [w0u, w1u], [w2u, 0]
    const dense = Float32Array.from([1, 2, 3, 4, 5, 6]); // w[i][u] = 2i + u + 1
    expect(Array.from(toSubvectors(dense, subvectorLayout('dense', [3, 2], 2)))).toEqual([1, 3, 5, 0, 2, 4, 6, 0]);
    // conv1d (k=2 x cin=2 x cout=1), d=4: unit 0 = [w(t0,c0), w(t1,c0), w(t0,c1), w(t1,c1)]
    const c1 = Float32Array.from([1, 2, 3, 4]); // w[t][ci][0] = 2t + ci + 1
    expect(Array.from(toSubvectors(c1, subvectorLayout('conv1d', [2, 2, 1], 4)))).toEqual([1, 3, 2, 4]);
    // depthwise (1 x 2 x cin=2 x mult=2), d=2: unit ci*2+m = [w(kx0), w(kx1)]
    const dw = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // w[0][kx][ci][m] = 4kx + 2ci + m + 1
    expect(Array.from(toSubvectors(dw, subvectorLayout('depthwiseConv2d', [1, 2, 2, 2], 2)))).toEqual([1, 5, 2, 6, 3, 7, 4, 8]);
  });
  it('rejects a kernel whose length does not match the shape', () => {
    expect(() => toSubvectors(new Float32Array(5), subvectorLayout('dense', [3, 2], 2))).toThrow(/needs 6/);
    expect(() => fromSubvectors(new Float32Array(5), subvectorLayout('dense', [3, 2], 2))).toThrow(/needs count \* d = 8/);
  });
});

describe('fromSubvectors(toSubvectors(w)) === w', () => {
  const cases: [KernelKind, number[], number][] = [
    ['dense', [20, 7], 4], ['dense', [21, 5], 4], ['dense', [3, 2], 8],
    ['conv1d', [5, 3, 4], 4], ['conv1d', [3, 7, 2], 8],
    ['conv2d', [3, 3, 4, 5], 9], ['conv2d', [3, 3, 4, 5], 8], ['conv2d', [1, 1, 10, 3], 4], ['conv2d', [5, 3, 2, 2], 7],
    ['depthwiseConv2d', [3, 3, 6, 1], 9], ['depthwiseConv2d', [3, 3, 4, 2], 4], ['depthwiseConv2d', [5, 5, 2, 3], 16],
  ];
  it.each(cases)('%s %j d=%i', (kind, shape, d) => {
    const w = randomKernel(shape, shape.length * 31 + d);
    const layout = subvectorLayout(kind, shape, d);
    const sub = toSubvectors(w, layout);
    expect(sub.length).toBe(layout.count * d);
    // every weight appears exactly once; padding slots are zero
    for (let u = 0; u < layout.units; u++) {
      for (let p = 0; p < layout.padding; p++) expect(sub[(u + 1) * layout.chunksPerUnit * d - 1 - p]).toBe(0);
    }
    expect(fromSubvectors(sub, layout)).toEqual(w);
  });
});
