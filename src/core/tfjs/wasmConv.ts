import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { ConvGeometry } from './kernels/geometry';
import { col2imAdd, im2colT, samplesPerChunk, transpose2d } from './kernels/im2col';

/** The parts of tfjs-backend-wasm's BackendWasm we use. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): ArrayLike<number>;
  disposeData(dataId: object): boolean;
}

/** Largest im2col buffer, in float32 values (16 MB), before the batch is processed in chunks. */
export const MAX_COL_FLOATS = 1 << 22;

const view = (b: WasmBackend, t: TensorInfo): Float32Array => b.typedArrayFromHeap(t) as Float32Array;

/** a (1 x M x K) · b (1 x K x N) with the WASM backend's own (XNNPACK) matrix multiply. */
function matmul(b: WasmBackend, a: TensorInfo, c: TensorInfo): TensorInfo {
  const k = tf.getKernel('BatchMatMul', 'wasm');
  if (!k) throw new Error('the WASM backend has no BatchMatMul kernel: call setupWasmBackend() first');
  return k.kernelFunc({ inputs: { a, b: c }, backend: b as never, attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
}

/** dy rows of samples [n0, n1) as a (1 x P x outC) tensor: the tensor itself when it is the whole batch. */
function dyChunk(b: WasmBackend, dy: TensorInfo, g: ConvGeometry, n0: number, n1: number): { t: TensorInfo; owned: boolean } {
  const per = g.outH * g.outW;
  const shape = [1, (n1 - n0) * per, g.outC];
  if (n0 === 0 && n1 === g.batch) return { t: { dataId: dy.dataId, shape, dtype: 'float32' }, owned: false };
  const t = b.makeOutput(shape, 'float32');
  view(b, t).set(view(b, dy).subarray(n0 * per * g.outC, n1 * per * g.outC));
  return { t, owned: true };
}

/**
 * Conv2DBackpropFilter on the WASM backend: transposed im2col in JS, then XNNPACK's matmul
 * dW (kH*kW*inC x outC) = colsT (kH*kW*inC x P) · dy (P x outC), in batch chunks.
 */
export function wasmConv2dBackpropFilter(
  backend: unknown, x: TensorInfo, dy: TensorInfo, g: ConvGeometry, filterShape: number[], maxColFloats = MAX_COL_FLOATS,
): TensorInfo {
  const b = backend as WasmBackend;
  const KK = g.kH * g.kW * g.inC;
  const acc = new Float32Array(KK * g.outC); // (KK x outC)
  const step = samplesPerChunk(g, maxColFloats);
  for (let n0 = 0; n0 < g.batch; n0 += step) {
    const n1 = Math.min(g.batch, n0 + step);
    const P = (n1 - n0) * g.outH * g.outW;
    const cols = b.makeOutput([1, KK, P], 'float32');
    const dyc = dyChunk(b, dy, g, n0, n1);
    im2colT(view(b, x), g, n0, n1, view(b, cols));
    const prod = matmul(b, cols, dyc.t);
    const r = view(b, prod);
    for (let i = 0; i < acc.length; i++) acc[i] += r[i];
    b.disposeData(prod.dataId);
    b.disposeData(cols.dataId);
    if (dyc.owned) b.disposeData(dyc.t.dataId);
  }
  const out = b.makeOutput(filterShape, 'float32');
  view(b, out).set(acc);
  return out;
}

/**
 * Conv2DBackpropInput on the WASM backend: XNNPACK's matmul cols (P x kH*kW*inC) = dy (P x outC) ·
 * wT (outC x kH*kW*inC), then col2im in JS, in batch chunks.
 */
export function wasmConv2dBackpropInput(
  backend: unknown, dy: TensorInfo, w: TensorInfo, g: ConvGeometry, inputShape: number[], maxColFloats = MAX_COL_FLOATS,
): TensorInfo {
  const b = backend as WasmBackend;
  const KK = g.kH * g.kW * g.inC;
  const out = b.makeOutput(inputShape, 'float32');
  view(b, out).fill(0);
  const wT = b.makeOutput([1, g.outC, KK], 'float32');
  transpose2d(view(b, w), KK, g.outC, view(b, wT));
  const step = samplesPerChunk(g, maxColFloats);
  for (let n0 = 0; n0 < g.batch; n0 += step) {
    const n1 = Math.min(g.batch, n0 + step);
    const dyc = dyChunk(b, dy, g, n0, n1);
    const cols = matmul(b, dyc.t, wT);
    col2imAdd(view(b, cols), g, n0, n1, view(b, out));
    b.disposeData(cols.dataId);
    if (dyc.owned) b.disposeData(dyc.t.dataId);
  }
  b.disposeData(wT.dataId);
  return out;
}
