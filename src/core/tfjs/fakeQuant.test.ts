import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../node/tfjs';
import { dequantizeValue, quantizeValue } from '../quant/affine';
import { requantize } from '../quant/requantize';
import { createRng } from '../util/random';
import { fakeQuant, fakeQuantImpl } from './fakeQuant';

beforeAll(async () => { await setupNodeTfjs(); });

const P = { scale: Math.fround(0.05), zeroPoint: -7, qmin: -128, qmax: 127, offsetFirst: false };

describe('fakeQuant', () => {
  it('is dequantize(quantizeValue(x)): ties away from zero, clamped, NaN to the zero point', () => {
    const rnd = createRng(4);
    const x = Float32Array.from({ length: 5000 }, () => Math.fround((rnd() - 0.5) * 20));
    x.set([0.025, -0.025, 0.075, -0.075, 100, -100, NaN].map(Math.fround), 0);
    const y = fakeQuantImpl(x, new Float32Array(x.length), P);
    for (let i = 0; i < x.length; i++) expect(y[i]).toBe(dequantizeValue(quantizeValue(x[i], P), P));
    // 0.075 / 0.05 = 1.5 (in float32: just above or below): ties go away from zero where they are ties
    expect(fakeQuantImpl(Float32Array.of(0.5), new Float32Array(1), { ...P, scale: 1, zeroPoint: 0 })[0]).toBe(1);
    expect(fakeQuantImpl(Float32Array.of(-0.5), new Float32Array(1), { ...P, scale: 1, zeroPoint: 0 })[0]).toBe(-1);
  });

  it('rounds after adding the zero point with offsetFirst (differs on ties only)', () => {
    const p = { scale: 1, zeroPoint: -3, qmin: -128, qmax: 127, offsetFirst: true };
    // -0.5 + (-3) = -3.5 -> -4 -> -1 ; without: round(-0.5) = -1 -> -4 -> -1 ; 1.5: 1.5-3 = -1.5 -> -2 -> 1 vs round(1.5)=2
    expect(fakeQuantImpl(Float32Array.of(1.5, 2.25), new Float32Array(2), p)).toEqual(Float32Array.of(1, 2));
    expect(fakeQuantImpl(Float32Array.of(1.5, 2.25), new Float32Array(2), { ...p, offsetFirst: false })).toEqual(Float32Array.of(2, 2));
  });

  it('average pooling: a tie that float32 sums moved still rounds away from zero, as TFLM\'s integer average', () => {
    const s = Math.fround(0.172), z = -128;
    // int8 sums over 16 values whose average is k + 0.5 exactly, as float32 means computed them (a hair off)
    const avg = [-63.5, -124.5, 10.5, 0.5, -0.5, 3.25];
    const x = Float32Array.from(avg, (a, i) => Math.fround((a - z) * s * (1 + (i % 2 ? 3e-7 : -3e-7))));
    const p = { scale: s, zeroPoint: z, qmin: -128, qmax: 127, offsetFirst: true };
    const q = (out: Float32Array) => Array.from(out, (v) => Math.round(v / s) + z);
    expect(q(fakeQuantImpl(x, new Float32Array(x.length), { ...p, avgCount: 16 }))).toEqual([-64, -125, 11, 1, -1, 3]);
    // the op (the kernel on this backend) passes avgCount through
    expect(q(tf.tidy(() => fakeQuant(tf.tensor1d(x), { ...p, avgCount: 16 }).dataSync() as Float32Array))).toEqual([-64, -125, 11, 1, -1, 3]);
  });

  it('with shifts, rounds like TFLM\'s requantisation (double rounding) where one rounding would not', () => {
    const rnd = createRng(12);
    const s = Math.fround(0.02), z = -5;
    let same = 0, sameSingle = 0;
    const n = 20000;
    const shifts = Int32Array.from({ length: 8 }, (_, c) => -3 - c); // per channel
    const x = new Float32Array(n);
    const want = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const shift = shifts[i % 8];
      const m = 2 ** 30 + Math.floor(rnd() * 2 ** 30);
      const acc = Math.floor((rnd() - 0.5) * 2 ** 12);
      // the real value the float model computes for this accumulator: acc · m · 2^(shift - 31) output steps
      x[i] = Math.fround(acc * m * 2 ** (shift - 31) * s);
      want[i] = requantize(acc, m, shift, z, -128, 127);
    }
    const p = { scale: s, zeroPoint: z, qmin: -128, qmax: 127, offsetFirst: false };
    const dbl = fakeQuantImpl(x, new Float32Array(n), { ...p, shifts });
    const one = fakeQuantImpl(x, new Float32Array(n), p);
    for (let i = 0; i < n; i++) {
      if (quantizeValue(dbl[i], p) === want[i]) same++;
      if (quantizeValue(one[i], p) === want[i]) sameSingle++;
    }
    expect(same).toBeGreaterThan(n - 5); // float32 rounding of x aside
    expect(sameSingle).toBeLessThan(same); // one rounding misses the double rounding's ties
  });

  it('the kernel and the tf-op composite agree; the gradient passes inside the range and stops outside', async () => {
    const rnd = createRng(9);
    const x = tf.tensor(Float32Array.from({ length: 2000 }, () => (rnd() - 0.5) * 30));
    const k = fakeQuant(x, P).dataSync();
    const backend = tf.getBackend();
    await tf.setBackend('cpu');
    const xc = tf.tensor(x.dataSync());
    for (const k of ['YonoFakeQuant', 'YonoFakeQuantGrad']) if (tf.getKernel(k, 'cpu')) tf.unregisterKernel(k, 'cpu');
    expect(fakeQuant(xc, P).dataSync()).toEqual(k);
    const shifts = Int32Array.of(-7, 0, -12, 3);
    // (on the CPU backend without our kernel: the tf-op composite)
    const withShifts = fakeQuant(xc.reshape([500, 4]), { ...P, shifts }).dataSync();
    expect(withShifts).toEqual(fakeQuantImpl(xc.dataSync() as Float32Array, new Float32Array(2000), { ...P, shifts }));
    const avg = { ...P, offsetFirst: true, avgCount: 4 };
    expect(fakeQuant(xc, avg).dataSync()).toEqual(fakeQuantImpl(xc.dataSync() as Float32Array, new Float32Array(2000), avg));
    await tf.setBackend(backend);
    const g = tf.grad((t: tf.Tensor) => tf.sum(fakeQuant(t, P)))(x).dataSync();
    const xs = x.dataSync();
    for (let i = 0; i < xs.length; i++) {
      const q = Math.fround(xs[i] / P.scale) + P.zeroPoint;
      expect(g[i]).toBe(q >= -128.5 && q <= 127.5 ? 1 : 0);
    }
  });
});
