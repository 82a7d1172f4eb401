/**
 * Fake quantisation as one tfjs op: y = s · (clamp(round(x / s) + z, qmin, qmax) − z), with round half away
 * from zero (C's roundf, what the int8 runtime does; tf.round rounds half to even) and the division in
 * float32 — or, for the output of an int8 kernel, the **double rounding** of TFLM's requantisation
 * (`shifts`), so that the fake-quant model rounds like the runtime. Its gradient is the straight-through
 * estimator: dy where the value was inside the clamp range, 0 outside. One pass over the data as a kernel
 * of ours on the WASM and CPU backends (a chain of tf ops on any other backend).
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, NamedAttrMap, NamedTensorInfoMap } from '@tensorflow/tfjs';
import { ioFor } from './glue';

/** Parameters of one fake-quantisation. */
export interface FakeQuantParams {
  /** > 0, used as float32 (as the runtime stores it) */
  scale: number;
  zeroPoint: number;
  /** The int8 clamp (−128, 127 unless an activation narrows it). */
  qmin: number;
  qmax: number;
  /**
   * Round x / s + z instead of round(x / s) + z (they differ on ties only): TFLM's average pooling rounds
   * the sum of the int8 values, which include the zero point.
   */
  offsetFirst: boolean;
  /**
   * Average pooling (with offsetFirst): the largest number of values averaged. The int8 average is an exact
   * multiple of 1/count, so a value within a quarter of that of a tie is a tie that float32 sums moved: it
   * rounds away from zero as TFLM's integer average does (for counts below 180, where float32 keeps the
   * sum that close).
   */
  avgCount?: number;
  /**
   * The output of an int8 kernel requantised with these shifts (one per channel of the last axis, or one for
   * all): MultiplyByQuantizedMultiplier rounds v = x / s twice, first the high multiply at 2^shift
   * (floor(v · 2^−shift + 1/2)), then the rounding right shift by −shift (half away from zero); a shift
   * >= 0 rounds once, ties up. Null: one rounding, half away from zero (quantising a float).
   */
  shifts?: Int32Array | null;
}

const FQ = 'YonoFakeQuant';
const FQ_GRAD = 'YonoFakeQuantGrad';

/** The pure kernel: `out` = fake-quantised `x`. */
export function fakeQuantImpl(x: Float32Array, out: Float32Array, p: FakeQuantParams): Float32Array {
  if (p.shifts) return requantImpl(x, out, p, p.shifts);
  const z = p.zeroPoint;
  const s = Math.fround(p.scale);
  // clamp q - z (the value before the scale) to [qmin - z, qmax - z]; with offsetFirst round v + z instead
  const lo = p.qmin - z;
  const hi = p.qmax - z;
  const off = p.offsetFirst ? z : 0;
  const tie = p.offsetFirst && p.avgCount && p.avgCount < 180 ? 0.25 / p.avgCount : 0;
  for (let i = 0; i < x.length; i++) {
    const v = Math.fround(x[i] / s) + off;
    // floor(v + 0.5) is round half away from zero except on negative ties (rare: a branch that predicts well,
    // where a sign test on every value would not); v + 0.5 is exact (|v| < 2^52)
    let q = Math.floor(v + 0.5);
    if (q - v === 0.5 && v < 0) q -= 1;
    if (tie) {
      const k = Math.floor(v);
      if (Math.abs(v - k - 0.5) < tie) q = k + 0.5 > 0 ? k + 1 : k;
    }
    q -= off;
    // NaN fails both tests and would stay NaN: it lands on the zero point, as quantizeValue puts it
    out[i] = q >= lo ? (q <= hi ? s * q : s * hi) : q < lo ? s * lo : 0;
  }
  return out;
}

/** The kernel with TFLM's double rounding per channel (FakeQuantParams.shifts). */
function requantImpl(x: Float32Array, out: Float32Array, p: FakeQuantParams, shifts: Int32Array): Float32Array {
  const z = p.zeroPoint;
  const s = Math.fround(p.scale);
  const lo = p.qmin - z;
  const hi = p.qmax - z;
  const c = shifts.length;
  const up = Float64Array.from(shifts, (e) => (e < 0 ? 2 ** -e : 1));
  const down = Float64Array.from(shifts, (e) => (e < 0 ? 2 ** e : 1));
  if (x.length % c !== 0) throw new Error(`fake quantisation: ${x.length} values are not rows of ${c} channels`);
  for (let i = 0; i < x.length; i += c) {
    for (let j = 0; j < c; j++) {
      const v = Math.fround(x[i + j] / s);
      // the high multiply: to 2^shift, ties up (for shift >= 0 the only rounding)
      const t = Math.floor(v * up[j] + 0.5) * down[j];
      // the rounding right shift: ties away from zero (t is exact: an integer times a power of two)
      let q = Math.floor(t + 0.5);
      if (q - t === 0.5 && t < 0) q -= 1;
      out[i + j] = q >= lo ? (q <= hi ? s * q : s * hi) : q < lo ? s * lo : 0;
    }
  }
  return out;
}

/** The straight-through gradient: dy where round(x / s) + z fell inside [qmin, qmax], else 0. */
export function fakeQuantGradImpl(x: Float32Array, dy: Float32Array, out: Float32Array, p: FakeQuantParams): Float32Array {
  const lo = p.qmin - p.zeroPoint - 0.5;
  const hi = p.qmax - p.zeroPoint + 0.5;
  const s = Math.fround(p.scale);
  for (let i = 0; i < x.length; i++) {
    const v = Math.fround(x[i] / s);
    out[i] = v >= lo && v <= hi ? dy[i] : 0;
  }
  return out;
}

const paramsOf = (a: NamedAttrMap): FakeQuantParams => ({
  scale: a.scale as number, zeroPoint: a.zeroPoint as number, qmin: a.qmin as number, qmax: a.qmax as number, offsetFirst: !!a.offsetFirst,
  avgCount: (a.avgCount as number | undefined) ?? 0, shifts: (a.shifts as unknown as Int32Array | null) ?? null,
});

function configs(backendName: 'wasm' | 'cpu'): KernelConfig[] {
  return [
    { kernelName: FQ, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const x = (inputs as NamedTensorInfoMap).x;
      if (!x) throw new Error(`${FQ}: missing input x`);
      const io = ioFor(backendName, backend);
      const out = io.alloc(x.shape);
      fakeQuantImpl(io.read(x), out.data, paramsOf(attrs as NamedAttrMap));
      return out.info;
    } },
    { kernelName: FQ_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as NamedTensorInfoMap;
      if (!x || !dy) throw new Error(`${FQ_GRAD}: expected inputs x and dy`);
      const io = ioFor(backendName, backend);
      const out = io.alloc(x.shape);
      fakeQuantGradImpl(io.read(x), io.read(dy), out.data, paramsOf(attrs as NamedAttrMap));
      return out.info;
    } },
  ];
}

/** Registers the fake-quantisation kernels on a backend (once; later calls do nothing). */
export function registerFakeQuantKernels(backendName: 'wasm' | 'cpu'): void {
  for (const cfg of configs(backendName)) if (!tf.getKernel(cfg.kernelName, backendName)) tf.registerKernel(cfg);
}

const hasKernels = (): boolean => !!tf.getKernel(FQ, tf.getBackend());

/** The same with tf ops (backends without our kernels). */
function composite(x: tf.Tensor, p: FakeQuantParams): tf.Tensor {
  return tf.tidy(() => {
    if (p.shifts) {
      const v = tf.div(x, Math.fround(p.scale));
      const up = tf.tensor1d(Float32Array.from(p.shifts, (e) => (e < 0 ? 2 ** -e : 1)));
      const t = tf.div(tf.floor(tf.add(tf.mul(v, up), 0.5)), up);
      const q = tf.mul(tf.sign(t), tf.floor(tf.add(tf.abs(t), 0.5)));
      return tf.mul(tf.clipByValue(q, p.qmin - p.zeroPoint, p.qmax - p.zeroPoint), Math.fround(p.scale));
    }
    let v = tf.div(x, p.scale);
    if (p.offsetFirst) v = tf.add(v, p.zeroPoint);
    if (p.offsetFirst && p.avgCount && p.avgCount < 180) {
      // a value within 0.25 / count of a tie is the tie (see avgCount)
      const k = tf.floor(v);
      const near = tf.less(tf.abs(tf.sub(v, tf.add(k, 0.5))), 0.25 / p.avgCount);
      v = tf.where(near, tf.add(k, 0.5), v);
    }
    let q = tf.mul(tf.sign(v), tf.floor(tf.add(tf.abs(v), 0.5)));
    if (!p.offsetFirst) q = tf.add(q, p.zeroPoint);
    return tf.mul(tf.sub(tf.clipByValue(q, p.qmin, p.qmax), p.zeroPoint), p.scale);
  });
}

function compositeGrad(x: tf.Tensor, dy: tf.Tensor, p: FakeQuantParams): tf.Tensor {
  return tf.tidy(() => {
    const v = tf.div(x, p.scale);
    const inside = tf.logicalAnd(tf.greaterEqual(v, p.qmin - p.zeroPoint - 0.5), tf.lessEqual(v, p.qmax - p.zeroPoint + 0.5));
    return tf.mul(dy, tf.cast(inside, 'float32'));
  });
}

/** Fake-quantises `x` (float32) with a straight-through gradient. */
export function fakeQuant(x: tf.Tensor, p: FakeQuantParams): tf.Tensor {
  const attrs = { ...p, avgCount: p.avgCount ?? 0, shifts: p.shifts ?? null } as unknown as NamedAttrMap;
  const f = tf.customGrad(((xi: tf.Tensor, save: tf.GradSaveFunc) => {
    save([xi]);
    const value = hasKernels() ? (tf.engine().runKernel(FQ, { x: xi }, attrs) as tf.Tensor) : composite(xi, p);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => (hasKernels()
        ? (tf.engine().runKernel(FQ_GRAD, { x: saved[0], dy }, attrs) as tf.Tensor)
        : compositeGrad(saved[0], dy, p)),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x);
}
