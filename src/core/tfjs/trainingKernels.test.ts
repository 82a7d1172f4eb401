import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from './backend';
import { geometryFromConvInfo } from './kernels/geometry';
import { wasmConv2dBackpropFilter, wasmConv2dBackpropInput } from './wasmConv';
import { TRAINING_KERNELS } from './trainingKernels';

type S4 = [number, number, number, number];

/** Runs a kernel on a backend and returns its output values. */
async function runOn(backend: string, name: string, inputs: Record<string, { data: Float32Array; shape: number[] }>, attrs: object): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const ins: tf.NamedTensorMap = {};
    for (const [k, v] of Object.entries(inputs)) ins[k] = tf.tensor(v.data, v.shape);
    return (tf.engine().runKernel(name, ins, attrs as tf.NamedAttrMap) as tf.Tensor).dataSync() as Float32Array;
  });
}

function randArr(n: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (s * 1664525 + 1013904223) >>> 0; a[i] = s / 2 ** 31 - 1; }
  return a;
}
const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

function maxRelErr(a: Float32Array, b: Float32Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return w;
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('training kernels registered on the WASM backend', () => {
  it('provides every convolution gradient kernel on wasm', () => {
    for (const k of TRAINING_KERNELS) expect(tf.getKernel(k, 'wasm'), k).toBeDefined();
  });

  const cases: { x: S4; f: S4; strides: [number, number]; pad: 'same' | 'valid'; dw: boolean }[] = [
    { x: [3, 9, 8, 3], f: [3, 3, 3, 5], strides: [1, 1], pad: 'same', dw: false },
    { x: [2, 9, 8, 4], f: [3, 3, 4, 6], strides: [2, 2], pad: 'valid', dw: false },
    { x: [2, 1, 20, 3], f: [1, 5, 3, 8], strides: [1, 1], pad: 'same', dw: false },
    { x: [3, 9, 8, 4], f: [3, 3, 4, 1], strides: [1, 1], pad: 'same', dw: true },
    { x: [2, 10, 8, 3], f: [3, 3, 3, 2], strides: [2, 2], pad: 'same', dw: true },
  ];
  cases.forEach((c, i) => {
    it(`case ${i} (${c.dw ? 'depthwise' : 'conv2d'}) matches the CPU built-ins within 1e-4`, async () => {
      const ci = tf.backend_util.computeConv2DInfo(c.x, c.f, c.strides, 1, c.pad, undefined, c.dw);
      const x = { data: randArr(size(c.x), 1 + i), shape: c.x };
      const w = { data: randArr(size(c.f), 2 + i), shape: c.f };
      const dy = { data: randArr(size(ci.outShape), 3 + i), shape: ci.outShape };
      const base = c.dw ? { strides: c.strides, pad: c.pad, dilations: [1, 1] } : { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' };
      const fName = c.dw ? 'DepthwiseConv2dNativeBackpropFilter' : 'Conv2DBackpropFilter';
      const iName = c.dw ? 'DepthwiseConv2dNativeBackpropInput' : 'Conv2DBackpropInput';
      for (const [name, ins, attrs] of [
        [fName, { x, dy }, { ...base, filterShape: c.f }],
        [iName, { dy, filter: w }, { ...base, inputShape: c.x }],
      ] as const) {
        const ref = await runOn('cpu', name, ins, attrs);
        const got = await runOn('wasm', name, ins, attrs);
        expect(maxRelErr(got, ref), name).toBeLessThan(1e-4);
      }
    });
  });

  it('gives the same result when the batch is processed in chunks', async () => {
    await tf.setBackend('wasm');
    const xs: S4 = [5, 7, 7, 3];
    const fs: S4 = [3, 3, 3, 4];
    const ci = tf.backend_util.computeConv2DInfo(xs, fs, 1, 1, 'same');
    const g = geometryFromConvInfo(ci);
    const x = tf.tensor(randArr(size(xs), 7), xs);
    const w = tf.tensor(randArr(size(fs), 8), fs);
    const dy = tf.tensor(randArr(size(ci.outShape), 9), ci.outShape);
    const be = tf.backend();
    const read = (t: tf.TensorInfo) => tf.engine().makeTensorFromTensorInfo(t).dataSync() as Float32Array;
    const whole = read(wasmConv2dBackpropFilter(be, x, dy, g, fs));
    const chunked = read(wasmConv2dBackpropFilter(be, x, dy, g, fs, 2 * 7 * 7 * 27)); // 2 samples a chunk
    expect(maxRelErr(chunked, whole)).toBeLessThan(1e-5);
    const wholeI = read(wasmConv2dBackpropInput(be, dy, w, g, xs));
    const chunkedI = read(wasmConv2dBackpropInput(be, dy, w, g, xs, 1));
    expect(maxRelErr(chunkedI, wholeI)).toBeLessThan(1e-6);
  });

  it('model.fit of a small conv net (conv2d, separable, batch norm, pooling, conv1d) trains on wasm', async () => {
    await tf.setBackend('wasm');
    const m = tf.sequential();
    m.add(tf.layers.conv2d({ inputShape: [12, 12, 1], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }));
    m.add(tf.layers.separableConv2d({ filters: 6, kernelSize: 3, strides: 2, padding: 'same', depthMultiplier: 2 }));
    m.add(tf.layers.batchNormalization());
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.reshape({ targetShape: [9, 6] }));
    m.add(tf.layers.conv1d({ filters: 5, kernelSize: 3, activation: 'relu' }));
    m.add(tf.layers.globalAveragePooling1d());
    m.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
    m.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    // Class 1 images are bright in the top half: learnable.
    const n = 64;
    const xs = new Float32Array(n * 144);
    const ys = new Float32Array(n * 2);
    const r = randArr(n * 144, 5);
    for (let i = 0; i < n; i++) {
      const c = i % 2;
      ys[i * 2 + c] = 1;
      for (let p = 0; p < 144; p++) xs[i * 144 + p] = r[i * 144 + p] * 0.3 + (c === 1 && p < 72 ? 1 : 0);
    }
    const x = tf.tensor4d(xs, [n, 12, 12, 1]);
    const y = tf.tensor2d(ys, [n, 2]);
    const h = await m.fit(x, y, { epochs: 15, batchSize: 16, verbose: 0, shuffle: false });
    const loss = h.history.loss as number[];
    expect(loss[loss.length - 1]).toBeLessThan(loss[0] * 0.7);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('model.fit of a functional net with depthwise, avg pooling, dropout, relu6/tanh/sigmoid and Add trains on wasm', async () => {
    await tf.setBackend('wasm');
    const inp = tf.input({ shape: [10, 10, 2] });
    const a = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu6' }).apply(inp) as tf.SymbolicTensor;
    const b = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', activation: 'tanh' }).apply(a) as tf.SymbolicTensor;
    const s = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const p = tf.layers.averagePooling2d({ poolSize: 2 }).apply(s) as tf.SymbolicTensor;
    const d = tf.layers.dropout({ rate: 0.2 }).apply(p) as tf.SymbolicTensor;
    const g = tf.layers.globalAveragePooling2d({}).apply(d) as tf.SymbolicTensor;
    const h1 = tf.layers.dense({ units: 6, activation: 'sigmoid' }).apply(g) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(h1) as tf.SymbolicTensor;
    const m = tf.model({ inputs: inp, outputs: out });
    m.compile({ optimizer: tf.train.adam(0.03), loss: 'categoricalCrossentropy' });
    const n = 32;
    const r = randArr(n * 200, 9);
    const ys = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      ys[i * 2 + (i % 2)] = 1;
      if (i % 2) for (let k = 0; k < 200; k++) r[i * 200 + k] += 1;
    }
    const hist = await m.fit(tf.tensor4d(r, [n, 10, 10, 2]), tf.tensor2d(ys, [n, 2]), { epochs: 12, batchSize: 8, verbose: 0, shuffle: false });
    const loss = hist.history.loss as number[];
    expect(loss[loss.length - 1]).toBeLessThan(loss[0]);
  });
});
