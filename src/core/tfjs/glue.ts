import type { TensorInfo } from '@tensorflow/tfjs';

/**
 * How a kernel of ours reads float32 inputs and allocates its float32 output on one tfjs backend.
 * Kernels allocate the output first, then read the inputs: on the WASM backend an allocation can grow
 * the heap and detach earlier views, so views taken afterwards stay valid while the kernel computes.
 */
export interface KernelIO {
  /** Allocates an output tensor and returns it with a writable view of its data. */
  alloc(shape: number[]): { info: TensorInfo; data: Float32Array };
  /** Returns the float32 data of an input (a view, do not write to it). */
  read(t: TensorInfo): Float32Array;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): ArrayLike<number>;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

function assertFloat32(t: TensorInfo): void {
  if (t.dtype !== 'float32') throw new Error(`kernel input must be float32, got ${t.dtype}`);
}

/** KernelIO of the tfjs WASM backend: tensors live on the WebAssembly heap. */
export function wasmIO(backend: unknown): KernelIO {
  const b = backend as WasmBackendLike;
  return {
    alloc(shape) {
      const info = b.makeOutput(shape, 'float32');
      return { info, data: b.typedArrayFromHeap(info) as Float32Array };
    },
    read(t) {
      assertFloat32(t);
      return b.typedArrayFromHeap(t) as Float32Array;
    },
  };
}

/** KernelIO of the tfjs CPU backend: tensors are plain typed arrays in the backend's data map. */
export function cpuIO(backend: unknown): KernelIO {
  const b = backend as CpuBackendLike;
  return {
    alloc(shape) {
      let n = 1;
      for (const d of shape) n *= d;
      const data = new Float32Array(n);
      return { info: b.makeTensorInfo(shape, 'float32', data), data };
    },
    read(t) {
      assertFloat32(t);
      return b.data.get(t.dataId).values as Float32Array;
    },
  };
}

/** The KernelIO for a backend name we register kernels on. */
export function ioFor(backendName: string, backend: unknown): KernelIO {
  if (backendName === 'wasm') return wasmIO(backend);
  if (backendName === 'cpu') return cpuIO(backend);
  throw new Error(`no kernel glue for backend '${backendName}' (supported: wasm, cpu)`);
}
