import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterImpl } from './conv2dBackpropFilter';
import { conv2dBackpropInputImpl } from './conv2dBackpropInput';
import { depthwiseBackpropFilterImpl } from './depthwiseBackpropFilter';
import { depthwiseBackpropInputImpl } from './depthwiseBackpropInput';
import { geometryFromConvInfo } from './geometry';
import { col2imAdd, im2colT, transpose2d } from './im2col';

type S4 = [number, number, number, number];
interface Case { x: S4; f: S4; strides: [number, number]; pad: 'same' | 'valid' }

const CONV: Case[] = [
  { x: [2, 7, 6, 3], f: [3, 3, 3, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 6, 3], f: [3, 3, 3, 4], strides: [2, 2], pad: 'same' },
  { x: [3, 8, 9, 2], f: [3, 2, 2, 5], strides: [2, 1], pad: 'valid' },
  { x: [2, 5, 5, 6], f: [1, 1, 6, 7], strides: [1, 1], pad: 'valid' },
  { x: [2, 1, 16, 3], f: [1, 5, 3, 4], strides: [1, 2], pad: 'same' }, // a Conv1D as tfjs runs it
];
const DW: Case[] = [
  { x: [2, 7, 6, 3], f: [3, 3, 3, 1], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 6, 3], f: [3, 3, 3, 2], strides: [2, 2], pad: 'same' },
  { x: [3, 9, 8, 4], f: [2, 3, 4, 1], strides: [1, 2], pad: 'valid' },
];

function rand(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 1, 'float32', seed);
}

function info(c: Case, depthwise: boolean) {
  return tf.backend_util.computeConv2DInfo(c.x, c.f, c.strides, 1, c.pad, undefined, depthwise);
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-4): void {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  expect(worst).toBeLessThan(tol);
}

const cpu = (name: string, inputs: tf.NamedTensorMap, attrs: object): Float32Array =>
  (tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor).dataSync() as Float32Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('pure convolution gradients match the tfjs CPU kernels', () => {
  CONV.forEach((c, i) => {
    it(`conv2d case ${i}: filter and input gradients`, () => {
      const ci = info(c, false);
      const g = geometryFromConvInfo(ci);
      const x = rand(c.x, 1 + i);
      const w = rand(c.f, 2 + i);
      const dy = rand(ci.outShape, 3 + i);
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' };
      const refF = cpu('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: c.f });
      const refI = cpu('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: c.x });
      const xs = x.dataSync() as Float32Array;
      const dys = dy.dataSync() as Float32Array;
      const ws = w.dataSync() as Float32Array;
      expectClose(conv2dBackpropFilterImpl(xs, dys, g), refF);
      expectClose(conv2dBackpropInputImpl(dys, ws, g), refI);

      // The im2col + matmul route used on the WASM backend, with a plain matmul here.
      const KK = g.kH * g.kW * g.inC;
      const P = g.batch * g.outH * g.outW;
      const colsT = new Float32Array(KK * P);
      im2colT(xs, g, 0, g.batch, colsT);
      const viaCols = new Float32Array(KK * g.outC);
      for (let k = 0; k < KK; k++) for (let p = 0; p < P; p++) for (let o = 0; o < g.outC; o++) viaCols[k * g.outC + o] += colsT[k * P + p] * dys[p * g.outC + o];
      expectClose(viaCols, refF);
      const wT = new Float32Array(KK * g.outC);
      transpose2d(ws, KK, g.outC, wT);
      const cols = new Float32Array(P * KK);
      for (let p = 0; p < P; p++) for (let k = 0; k < KK; k++) { let s = 0; for (let o = 0; o < g.outC; o++) s += dys[p * g.outC + o] * wT[o * KK + k]; cols[p * KK + k] = s; }
      const dx = new Float32Array(xs.length);
      col2imAdd(cols, g, 0, g.batch, dx);
      expectClose(dx, refI);
    });
  });

  DW.forEach((c, i) => {
    it(`depthwise case ${i}: filter and input gradients`, () => {
      const ci = info(c, true);
      const g = geometryFromConvInfo(ci);
      const x = rand(c.x, 11 + i);
      const w = rand(c.f, 12 + i);
      const dy = rand(ci.outShape, 13 + i);
      const attrs = { strides: c.strides, pad: c.pad, dilations: [1, 1] };
      const refF = cpu('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: c.f });
      const refI = cpu('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, { ...attrs, inputShape: c.x });
      expectClose(depthwiseBackpropFilterImpl(x.dataSync() as Float32Array, dy.dataSync() as Float32Array, g), refF);
      expectClose(depthwiseBackpropInputImpl(dy.dataSync() as Float32Array, w.dataSync() as Float32Array, g), refI);
    });
  });

  it('handles dilation (checked against the gradient of a dilated forward conv via tf.grads on CPU)', () => {
    const xs: S4 = [2, 9, 9, 2];
    const fs: S4 = [3, 3, 2, 3];
    const x = rand(xs, 21);
    const w = rand(fs, 22);
    const ci = tf.backend_util.computeConv2DInfo(xs, fs, 1, 2, 'same');
    const g = geometryFromConvInfo(ci);
    const dy = rand(ci.outShape, 23);
    // d/dw sum(conv(x, w) * dy) = dW, computed by finite structure: conv is linear in w, so
    // sum(conv(x, e_k) * dy) for each basis filter e_k gives dW[k] exactly.
    const dW = conv2dBackpropFilterImpl(x.dataSync() as Float32Array, dy.dataSync() as Float32Array, g);
    const n = fs.reduce((a, b) => a * b, 1);
    for (const k of [0, 7, 20, n - 1]) {
      const e = new Float32Array(n); e[k] = 1;
      const y = tf.conv2d(x as tf.Tensor4D, tf.tensor4d(e, fs), 1, 'same', 'NHWC', 2);
      expect(dW[k]).toBeCloseTo(tf.sum(tf.mul(y, dy)).dataSync()[0], 3);
    }
    const dX = conv2dBackpropInputImpl(dy.dataSync() as Float32Array, w.dataSync() as Float32Array, g);
    const m = xs.reduce((a, b) => a * b, 1);
    for (const k of [0, 50, 161, m - 1]) {
      const e = new Float32Array(m); e[k] = 1;
      const y = tf.conv2d(tf.tensor4d(e, xs), w as tf.Tensor4D, 1, 'same', 'NHWC', 2);
      expect(dX[k]).toBeCloseTo(tf.sum(tf.mul(y, dy)).dataSync()[0], 3);
    }
  });

  it('rejects inputs whose size does not match the geometry', () => {
    const g = geometryFromConvInfo(info(CONV[0], false));
    expect(() => conv2dBackpropFilterImpl(new Float32Array(3), new Float32Array(3), g)).toThrow(/expected \d+ elements, got 3/);
  });
});
