import { describe, expect, it } from 'vitest';
import { packIndices } from '../../pq/pack';
import { convS8 } from './conv';
import { decodePQInt8 } from './decode';
import { depthwiseS8 } from './depthwise';
import { avgPoolS8, maxPoolS8 } from './pool';
import type { S8Geometry, S8Quant } from './types';

const geom = (p: Partial<S8Geometry>): S8Geometry => ({ inH: 1, inW: 1, inC: 1, outH: 1, outW: 1, outC: 1, kh: 1, kw: 1, sh: 1, sw: 1, dh: 1, dw: 1, padT: 0, padL: 0, ...p });
/** Multiplier 0.5 (2^30, shift 0): the output is round-half-up(acc / 2) + outZp. */
const half = (units: number, p: Partial<S8Quant> = {}): S8Quant => ({
  inZp: 0, outZp: 0, actMin: -128, actMax: 127, bias: null,
  mult: new Int32Array(units).fill(2 ** 30), shift: new Int32Array(units), ...p,
});

describe('convS8', () => {
  it('sums (x − inZp)·w over valid taps only (padding holds the zero point), adds the bias, requantises', () => {
    // 2x2 input, one channel, 3x3 same: the output at (0, 0) sees taps (1..2, 1..2) of the kernel
    const g = geom({ inH: 2, inW: 2, outH: 2, outW: 2, kh: 3, kw: 3, padT: 1, padL: 1 });
    const x = Int8Array.of(13, 15, 17, 19); // minus inZp 10: 3, 5, 7, 9
    const k = Int8Array.of(1, 1, 1, 1, 2, 1, 1, 1, 1); // centre 2
    const y = convS8(g, k, half(1, { inZp: 10, bias: Int32Array.of(1) }), x);
    // (0,0): 2·3 + 5 + 7 + 9 = 27, + 1 = 28 -> 14; (0,1): 3 + 2·5 + 7 + 9 = 29 + 1 = 30 -> 15
    expect(Array.from(y)).toEqual([14, 15, 16, 17]);
  });

  it('clamps to the activation range (a fused ReLU clamps at the output zero point) and rounds ties up', () => {
    const g = geom({ inC: 2, outC: 2 });
    const k = Int8Array.of(1, -1, 2, -3); // in x out: [[1, -1], [2, -3]]
    const y = convS8(g, k, half(2, { outZp: -5, actMin: -5 }), Int8Array.of(3, 2)); // acc 7 and -9
    expect(Array.from(y)).toEqual([-1, -5]); // 7/2 = 3.5 -> 4, + zp -5 = -1; -9/2 = -4.5 -> -4, -9, clamped to -5
  });
});

describe('depthwiseS8', () => {
  it('keeps channels apart (multiplier 2: output u reads input channel u / 2)', () => {
    const g = geom({ inC: 2, outC: 4 });
    const k = Int8Array.of(1, 2, 3, 4); // 1x1 x 2 channels x mult 2
    const y = depthwiseS8(g, k, half(4), Int8Array.of(10, 20));
    expect(Array.from(y)).toEqual([5, 10, 30, 40]);
  });
});

describe('pooling', () => {
  const g = geom({ inH: 2, inW: 2, kh: 2, kw: 2, sh: 2, sw: 2 });
  it('max and TFLM\'s rounded average over the window, clamped', () => {
    const x = Int8Array.of(-3, 4, 1, -1); // sum 1, 1/4 -> (1 + 2) / 4 = 0
    expect(Array.from(maxPoolS8(g, -128, 127, x))).toEqual([4]);
    expect(Array.from(avgPoolS8(g, -128, 127, x))).toEqual([0]);
    expect(Array.from(avgPoolS8(g, -128, 127, Int8Array.of(-3, -3, -3, -1)))).toEqual([-3]); // -10/4 = -2.5 -> -3
    expect(Array.from(maxPoolS8(g, 5, 127, x))).toEqual([5]);
  });
});

describe('decodePQInt8', () => {
  it('replaces each index by its int8 codeword and drops the padding of each unit\'s last chunk', () => {
    // dense 3 x 2 (in x units), d = 2: unit 0's field [w00, w10, w20] = codewords 1 then 0 (padding dropped)
    const codebook = Int8Array.of(5, 6, -7, 8);
    const w = decodePQInt8({ kind: 'dense', shape: [3, 2], codebook, k: 2, d: 2, bits: 1, indices: packIndices([1, 0, 0, 1], 1) });
    // TensorFlow layout (in x units): row i = [unit 0, unit 1]
    expect(Array.from(w)).toEqual([-7, 5, 8, 6, 5, -7]);
  });

  it('rejects an index beyond the codebook', () => {
    expect(() => decodePQInt8({ kind: 'dense', shape: [2, 1], codebook: Int8Array.of(1, 2), k: 1, d: 2, bits: 1, indices: packIndices([1], 1) })).toThrow(/not below k/);
  });
});
