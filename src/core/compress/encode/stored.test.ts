import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../../node/tfjs';
import { isWeightLayer } from '../../models/ir';
import type { WeightLayer } from '../../models/ir';
import { isF16Exact, roundF16Array } from '../../util/f16';
import { layerBytes } from '../result/accounting';
import { decodeKernel, encodeInt8, encodePQ } from './encode';
import { quantizeInt8 } from './int8';
import { ModelSession } from '../evaluate/session';
import { isDecodedKernel, storedBias, storedScales } from './stored';
import { buildTiny, tinyCnn } from '../testing/tinyModels';
import type { CodebookGroup } from '../types';

beforeAll(async () => { await setupNodeTfjs(); }, 60_000);

describe('float16 storage of scales and biases', () => {
  it('int8 and PQ encodings store float16 scales and mark their decoded kernels', () => {
    const w = new Float32Array(64).map((_, i) => Math.sin(i * 1.7) * (1 + (i % 4)));
    const e8 = encodeInt8('dense', [16, 4], w);
    if (e8.enc.format !== 'int8') throw new Error('int8 expected');
    expect(isF16Exact(e8.enc.scales)).toBe(true);
    expect(isDecodedKernel(e8.decoded)).toBe(true);
    expect(decodeKernel(e8.enc, [], w)).toEqual(e8.decoded);
    // q is computed against the rounded scale: the channel maximum still lands on ±127 or close
    const { scales: f32 } = quantizeInt8(w, 4);
    expect(Array.from(e8.enc.scales)).toEqual(Array.from(roundF16Array(f32)));
    const cb: CodebookGroup = { name: 'g', d: 4, k: 4, codebook: new Float32Array(16).map((_, i) => (i % 5) - 2), layers: [] };
    const pq = encodePQ('dense', [16, 4], w, cb, 'channel');
    if (pq.enc.format !== 'pq') throw new Error('pq expected');
    expect(pq.enc.scales && isF16Exact(pq.enc.scales)).toBe(true);
    expect(isDecodedKernel(pq.decoded)).toBe(true);
    expect(decodeKernel(pq.enc, [cb], w)).toEqual(pq.decoded);
    expect(isDecodedKernel(w)).toBe(false);
  });

  it('scales below the float16 range stay positive; out-of-range values throw a clear error', () => {
    expect(Array.from(storedScales(Float32Array.of(1e-9, 0, 0.1)))).toEqual([2 ** -24, 0, Math.fround(0.0999755859375)]);
    expect(() => storedScales(Float32Array.of(1e5), 'int8 scale')).toThrow(/int8 scale \[0\] 100000 is outside the float16 range/);
    expect(() => encodeInt8('dense', [1, 1], Float32Array.of(1e8))).toThrow(/outside the float16 range/);
    const b = Float32Array.of(0.1, 1e5);
    expect(storedBias(b, 'float32')).toBe(b);
    expect(() => storedBias(b, 'pq', 'layer d bias')).toThrow(/layer d bias \[1\]/);
  });

  it('counts 2 bytes per scale and per bias value of a PQ/int8 layer, 4 for float32 layers', () => {
    const l = { name: 'd', kind: 'dense', inputs: ['x'], outputShape: [3], activation: 'linear', kernel: { shape: [5, 3], data: new Float32Array(15) }, bias: { shape: [3], data: new Float32Array(3) } } as unknown as WeightLayer;
    const int8 = encodeInt8('dense', [5, 3], new Float32Array(15).fill(0.5)).enc;
    // 32 descriptor + align4(3 * 2) bias + align4(15) q + align4(3 * 2) scales
    expect(layerBytes(l, int8)).toBe(32 + 8 + 16 + 8);
    expect(layerBytes(l, { format: 'float32' })).toBe(32 + 12 + 60);
  });

  it('a session evaluates layers holding a decoded kernel with their bias rounded to float16, keeping the variable exact', () => {
    const { ir } = tinyCnn(3);
    const s = new ModelSession(ir, buildTiny(ir));
    try {
      const l = ir.layers.filter(isWeightLayer).find((x) => x.bias)!;
      const bv = s.variable(l.name, 'bias')!;
      const odd = new Float32Array(bv.shape[0] as number).map((_, i) => 0.1 + i * 1e-4 + 3e-5);
      bv.assign(tf.tensor(odd));
      const x = new Float32Array(64 * 4).map((_, i) => Math.cos(i));
      const decoded = encodeInt8(l.kind, l.kernel.shape, l.kernel.data).decoded;
      s.setKernel(l.name, decoded);
      expect(s.hasF16Bias(l.name)).toBe(true);
      const snap = s.snapshot();
      const withF16 = s.predictClasses(x, 4);
      expect(Array.from(bv.dataSync())).toEqual(Array.from(odd)); // put back after the prediction
      // the same prediction with the rounded bias assigned by hand and a float kernel equal to the decoded one
      bv.assign(tf.tensor(roundF16Array(odd)));
      s.setKernel(l.name, decoded.slice()); // not marked: float32 bias
      expect(s.hasF16Bias(l.name)).toBe(false);
      expect(Array.from(s.predictClasses(x, 4))).toEqual(Array.from(withF16));
      s.restore(snap);
      expect(s.hasF16Bias(l.name)).toBe(true);
      expect(Array.from(bv.dataSync())).toEqual(Array.from(odd));
    } finally {
      s.dispose();
    }
  });
});
