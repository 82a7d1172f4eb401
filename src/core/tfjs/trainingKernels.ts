import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import { ioFor } from './glue';
import { geometryFromConvInfo, type ConvGeometry } from './kernels/geometry';
import { conv2dBackpropFilterImpl } from './kernels/conv2dBackpropFilter';
import { conv2dBackpropInputImpl } from './kernels/conv2dBackpropInput';
import { depthwiseBackpropFilterImpl } from './kernels/depthwiseBackpropFilter';
import { depthwiseBackpropInputImpl } from './kernels/depthwiseBackpropInput';
import { wasmConv2dBackpropFilter, wasmConv2dBackpropInput } from './wasmConv';

type Shape4 = [number, number, number, number];
type Pad = 'same' | 'valid' | number;
type Rounding = 'floor' | 'round' | 'ceil' | undefined;

/** The convolution gradient kernels we provide. */
export const TRAINING_KERNELS = [
  'Conv2DBackpropFilter', 'Conv2DBackpropInput',
  'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
] as const;
export type TrainingKernelName = typeof TRAINING_KERNELS[number];

function geometry(inShape: number[], filterShape: number[], attrs: NamedAttrMap, depthwise: boolean): ConvGeometry {
  const format = attrs.dataFormat as string | undefined;
  if (format !== undefined && format !== 'NHWC' && format !== 'channelsLast') {
    throw new Error(`convolution gradients: only NHWC data is supported, got ${format}`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    inShape as Shape4, filterShape as Shape4, attrs.strides as [number, number],
    (attrs.dilations as [number, number] | number | undefined) ?? 1, attrs.pad as Pad,
    attrs.dimRoundingMode as Rounding, depthwise, 'channelsLast');
  return geometryFromConvInfo(info);
}

type Impl = (a: Float32Array, b: Float32Array, g: ConvGeometry, out: Float32Array) => Float32Array;
type Fast = (backend: unknown, a: TensorInfo, b: TensorInfo, g: ConvGeometry, outShape: number[]) => TensorInfo;

interface Spec {
  name: TrainingKernelName;
  inputs: [string, string];
  depthwise: boolean;
  /** The input shape x and filter shape of the forward convolution. */
  shapes(a: TensorInfo, b: TensorInfo, attrs: NamedAttrMap): { x: number[]; f: number[] };
  /** Pure typed-array implementation (CPU, and WASM when there is no `wasm` path). */
  impl: Impl;
  /** Output is the filter (true) or the input (false) of the forward convolution. */
  filterOut: boolean;
  /** Faster WASM-backend path using the backend's own matmul. */
  wasm?: Fast;
}

const SPECS: Spec[] = [
  { name: 'Conv2DBackpropFilter', inputs: ['x', 'dy'], depthwise: false, filterOut: true,
    shapes: (x, _dy, at) => ({ x: x.shape, f: at.filterShape as number[] }),
    impl: conv2dBackpropFilterImpl, wasm: wasmConv2dBackpropFilter },
  { name: 'Conv2DBackpropInput', inputs: ['dy', 'filter'], depthwise: false, filterOut: false,
    shapes: (_dy, f, at) => ({ x: at.inputShape as number[], f: f.shape }),
    impl: conv2dBackpropInputImpl, wasm: wasmConv2dBackpropInput },
  { name: 'DepthwiseConv2dNativeBackpropFilter', inputs: ['x', 'dy'], depthwise: true, filterOut: true,
    shapes: (x, _dy, at) => ({ x: x.shape, f: at.filterShape as number[] }),
    impl: depthwiseBackpropFilterImpl },
  { name: 'DepthwiseConv2dNativeBackpropInput', inputs: ['dy', 'filter'], depthwise: true, filterOut: false,
    shapes: (_dy, f, at) => ({ x: at.inputShape as number[], f: f.shape }),
    impl: depthwiseBackpropInputImpl },
];

function toConfig(spec: Spec, backendName: 'wasm' | 'cpu', fast: boolean): KernelConfig {
  return {
    kernelName: spec.name,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const ins = inputs as NamedTensorInfoMap;
      const a = ins[spec.inputs[0]];
      const b = ins[spec.inputs[1]];
      if (!a || !b) throw new Error(`${spec.name}: expected inputs ${spec.inputs.join(' and ')}`);
      const at = attrs as NamedAttrMap;
      const s = spec.shapes(a, b, at);
      const g = geometry(s.x, s.f, at, spec.depthwise);
      const outShape = spec.filterOut ? s.f : s.x;
      if (fast && spec.wasm && backendName === 'wasm') return spec.wasm(backend, a, b, g, outShape);
      const io = ioFor(backendName, backend);
      const out = io.alloc(outShape);
      spec.impl(io.read(a), io.read(b), g, out.data);
      return out.info;
    },
  };
}

/**
 * Kernel configs of our convolution gradients for one backend. On 'wasm' the Conv2D ones use the
 * backend's matmul unless `pureOnly` (then every kernel runs the plain typed-array implementation).
 */
export function trainingKernelConfigs(backendName: 'wasm' | 'cpu', pureOnly = false): KernelConfig[] {
  return SPECS.map((s) => toConfig(s, backendName, !pureOnly));
}

const ours = new WeakSet<object>();

/**
 * Registers our convolution gradient kernels on a backend, replacing missing (wasm) or slow (cpu)
 * built-ins; `only` restricts to some kernel names. A kernel already registered by an earlier call is
 * left alone. Returns the names registered by this call.
 */
export function registerTrainingKernels(
  backendName: 'wasm' | 'cpu', opts: { only?: readonly string[]; pureOnly?: boolean } = {},
): string[] {
  const done: string[] = [];
  for (const cfg of trainingKernelConfigs(backendName, opts.pureOnly)) {
    if (opts.only && !opts.only.includes(cfg.kernelName)) continue;
    const existing = tf.getKernel(cfg.kernelName, backendName);
    if (existing && ours.has(existing.kernelFunc)) continue;
    if (existing) tf.unregisterKernel(cfg.kernelName, backendName);
    tf.registerKernel(cfg);
    ours.add(cfg.kernelFunc);
    done.push(cfg.kernelName);
  }
  return done;
}
