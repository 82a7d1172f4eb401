import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import { channelSumImpl } from './kernels/channelSum';
import { ioFor } from './glue';

const ours = new WeakSet<object>();

/** True when `axis` names every axis but the last of a rank-r shape (channels-last per-channel reduction). */
function isLeadingAxes(axis: unknown, shape: number[]): boolean {
  const r = shape.length;
  if (r < 2) return false;
  const axes = tf.util.parseAxisParam(axis as number | number[], shape).slice().sort((a, b) => a - b);
  return axes.length === r - 1 && axes.every((a, i) => a === i);
}

/**
 * Wraps the backend's Sum and Mean kernels with a fast path for per-channel reductions of float32
 * channels-last tensors (axes 0..rank-2), which batch-norm training does on every step; any other call
 * goes to the original kernel (its setup function is kept). Returns the kernels wrapped by this call.
 */
export function registerReductionFastPaths(backendName: 'wasm' | 'cpu'): string[] {
  const done: string[] = [];
  for (const name of ['Sum', 'Mean']) {
    const orig = tf.getKernel(name, backendName);
    if (!orig || ours.has(orig.kernelFunc)) continue;
    const kernelFunc = (args: { inputs: NamedTensorInfoMap; backend: unknown; attrs?: NamedAttrMap }): TensorInfo | TensorInfo[] => {
      const x = args.inputs.x;
      const attrs = args.attrs ?? {};
      if (!x || x.dtype !== 'float32' || !isLeadingAxes(attrs.axis, x.shape)) return orig.kernelFunc(args as never);
      const channels = x.shape[x.shape.length - 1];
      const rows = x.shape.reduce((a, b) => a * b, 1) / channels;
      const outShape = attrs.keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels];
      const io = ioFor(backendName, args.backend);
      const out = io.alloc(outShape);
      channelSumImpl(io.read(x), rows, channels, out.data, name === 'Mean' ? 1 / Math.max(1, rows) : 1);
      return out.info;
    };
    const cfg: KernelConfig = { ...orig, kernelFunc: kernelFunc as KernelConfig['kernelFunc'] };
    tf.unregisterKernel(name, backendName);
    tf.registerKernel(cfg);
    ours.add(cfg.kernelFunc);
    done.push(name);
  }
  return done;
}

interface RefCounting { incRef(dataId: object): void }

/**
 * Replaces the WASM backend's Identity kernel (a full copy of the tensor) with a zero-copy one that
 * shares the data and increments its reference count, as tfjs's CPU backend and the WASM Reshape do.
 * tfjs's gradient machinery calls Identity hundreds of times per training step.
 */
export function registerZeroCopyIdentity(backendName: 'wasm'): boolean {
  const orig = tf.getKernel('Identity', backendName);
  if (orig && ours.has(orig.kernelFunc)) return false;
  const cfg: KernelConfig = {
    kernelName: 'Identity',
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const x = (inputs as NamedTensorInfoMap).x;
      if (!x) throw new Error('Identity: missing input x');
      (backend as unknown as RefCounting).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
  if (orig) tf.unregisterKernel('Identity', backendName);
  tf.registerKernel(cfg);
  ours.add(cfg.kernelFunc);
  return true;
}
