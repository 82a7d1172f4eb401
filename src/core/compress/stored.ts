import { F16_MIN_SUBNORMAL, roundF16, roundF16Array } from '../util/f16';
import type { CodebookGroup, LayerEncoding, LayerFormat } from './types';

/**
 * How a compressed model stores its per-channel parameters (README "Byte accounting"): the scales of PQ
 * and int8 kernels and the bias of a PQ or int8 layer are float16; a layer kept float32 keeps a float32
 * bias, batch-norm parameters stay float32. The pipeline rounds these values here, once, so that every
 * accuracy it measures, the bundle, the runtimes and the exports use the same values.
 *
 * A finite value beyond the float16 range (|x| > 65504) is an error (a RangeError naming the value):
 * such a layer must be kept float32 (a plan override), since its parameters cannot be stored as float16.
 */

/** True when a layer stored in `format` keeps its bias (and scales) as float16. */
export const storesF16 = (format: LayerFormat): boolean => format !== 'float32';

/** Bytes of one bias value of a layer stored in `format`. */
export const biasValueBytes = (format: LayerFormat): number => (storesF16(format) ? 2 : 4);

/**
 * Scales rounded to float16, for storage. A positive scale below the float16 range becomes the smallest
 * float16 (2^-24) rather than 0, so dividing by it stays finite and the decoded weights stay near zero.
 */
export function storedScales(scales: Float32Array, what = 'scale'): Float32Array {
  const r = roundF16Array(scales, what);
  for (let i = 0; i < r.length; i++) if (r[i] === 0 && scales[i] > 0) r[i] = F16_MIN_SUBNORMAL;
  return r;
}

/** The stored value of one scale (see storedScales). */
export function storedScale(s: number, what = 'scale'): number {
  const r = roundF16(s, what);
  return r === 0 && s > 0 ? F16_MIN_SUBNORMAL : r;
}

/** A layer's bias as stored: float16-rounded (a new array) for PQ/int8 layers, else `bias` itself. */
export function storedBias(bias: Float32Array, format: LayerFormat, what = 'bias'): Float32Array {
  return storesF16(format) ? roundF16Array(bias, what) : bias;
}

/** What a decoded kernel was decoded from: its encoding and, for PQ, the codebook (read when it is evaluated). */
export interface DecodedSource {
  enc: LayerEncoding;
  codebook: CodebookGroup | null;
}

const decodedKernels = new WeakMap<Float32Array, DecodedSource>();

/**
 * Marks a decoded PQ/int8 kernel array (made by the encoders in encode.ts) with what it was decoded from.
 * A ModelSession given a marked array by setKernel evaluates that layer as stored (float16 bias, or with
 * int8 activations the lowered int8 weights and int32 bias), any other array (a float or fine-tuned
 * kernel) with its float32 bias. Returns `a`.
 */
export function markDecoded(a: Float32Array, source: DecodedSource): Float32Array {
  decodedKernels.set(a, source);
  return a;
}

/** True when `a` was marked by markDecoded (a decoded PQ/int8 kernel). */
export const isDecodedKernel = (a: Float32Array): boolean => decodedKernels.has(a);

/** What a marked kernel was decoded from, or undefined. */
export const decodedSource = (a: Float32Array): DecodedSource | undefined => decodedKernels.get(a);
