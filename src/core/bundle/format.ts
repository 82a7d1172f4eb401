/**
 * The `.yono` container: constants, limits and the manifest types. README.md in this folder is the
 * specification; keep the two in step.
 */
import type { Activation, Padding, PReluLayer } from '../models/ir';
import { ACTIVATIONS as IR_ACTIVATIONS } from '../models/ir';
import type { ExtraLayer } from '../models/layers/shapes';

/**
 * The layers added for Keras-application and TFLite coverage that hold attributes only: the manifest
 * stores them as the IR does (see README.md, "Layers beyond the runtime's").
 */
export type AttributeLayerEntry = Exclude<ExtraLayer, PReluLayer>;

/** First 8 bytes of every bundle: "YONO" then CR LF SUB LF (catches text-mode and 7-bit transfers, as PNG). */
export const MAGIC = Uint8Array.of(0x59, 0x4f, 0x4e, 0x4f, 0x0d, 0x0a, 0x1a, 0x0a);
/** The format version this code writes (2: int8 models, README.md "Format version 2"). */
export const FORMAT_VERSION = 2;
/** The versions this code reads: 1 (float models only) and 2. */
export const READ_VERSIONS: readonly number[] = [1, 2];
/** Fixed header: magic, version, manifest length + CRC, data offset + length, header CRC. */
export const HEADER_BYTES = 32;
/** Alignment of the data area and of every section inside it (bytes). */
export const ALIGN = 16;
/** `format` field of the manifest. */
export const FORMAT_NAME = 'yono-bundle';

/**
 * Sanity limits of the reader. They bound work and memory for hostile input; real MCU models are far
 * below them (an MCU has at most a few MB of SRAM).
 */
export const LIMITS = {
  models: 256,
  codebooks: 4096,
  sections: 1 << 20,
  layersPerModel: 4096,
  nameChars: 200,
  /** Largest single dimension of any shape. */
  dim: 1 << 24,
  /** Elements of one activation tensor (64 MiB of float32). */
  tensorElements: 1 << 24,
  /** Activation arena of one model, bytes. */
  arenaBytes: 64 << 20,
  /** Multiply-accumulates of one inference. */
  macs: 4e9,
  /** Codeword length d and codebook size k. */
  d: 4096,
  k: 65536,
} as const;

/**
 * Element type of a section (`f16`: IEEE binary16 bit patterns, for codebooks, biases and scales; `i16`: the
 * biases of int8 models, format version 2).
 */
export type Dtype = 'f32' | 'f16' | 'i8' | 'u8' | 'i32' | 'i16';
export const DTYPE_BYTES: Record<Dtype, number> = { f32: 4, f16: 2, i8: 1, u8: 1, i32: 4, i16: 2 };

/** One binary section of the data area. `offset` is relative to the data area start. */
export interface SectionEntry {
  name: string;
  dtype: Dtype;
  /** Elements (bytes for u8/i8). */
  count: number;
  offset: number;
  /** Bytes: count * size of dtype. */
  length: number;
  /** CRC-32 (IEEE) of the section's bytes, unsigned. */
  crc32: number;
}

/**
 * A codebook group: (k x d) values in section `section`, `f16` (what the writer stores) or `f32` (bundles
 * written before codebooks were float16).
 */
export interface CodebookEntry {
  name: string; d: number; k: number; section: number;
  /** An int8 codebook (int8 models, version 2): the section is `i8` and value = q · scale (float32 > 0). */
  scale?: number;
}

/** An int8 tensor's quantisation parameters: real = scale · (q − zeroPoint); scale float32 > 0, zeroPoint in −128..127. */
export interface QParamsEntry { scale: number; zeroPoint: number }

/** A fixed-point multiplier: real ≈ multiplier · 2^(shift − 31), multiplier in [0, 2^31), shift in −31..31. */
export interface RequantEntry { multiplier: number; shift: number }

/**
 * What a layer of an int8 model (version 2) adds to its entry (README.md "Int8 models"): `q` on every layer
 * whose output tensor has parameters of its own (quant/graph.ts `tensorRule`: the input, weight layers,
 * adds); `requant` (the layer's base multiplier) and `biasShift` (the int32 bias is the `i16` value · 2^shift)
 * on PQ/int8 weight layers; `table` (an `i8` section of 256 values, indexed by q + 128) on a sigmoid/tanh.
 */
export interface Int8LayerFields {
  q?: QParamsEntry;
  requant?: RequantEntry;
  biasShift?: number;
  table?: number;
}

/** How a weight layer's kernel is stored. Numbers are section indices. */
export type KernelEntry =
  | { format: 'pq'; shape: number[]; codebook: string; d: number; bits: number; indices: number; scales: number | null }
  | { format: 'int8'; shape: number[]; q: number; scales: number }
  | { format: 'float32'; shape: number[]; data: number };

interface LayerEntryBase { name: string; inputs: string[]; outputShape: number[] }

/** A layer as the manifest stores it: the IR layer with every tensor replaced by a section reference. */
export type LayerEntry = Int8LayerFields & ((LayerEntryBase & (
  | { kind: 'input' }
  | { kind: 'dense'; activation: Activation; kernel: KernelEntry; bias: number | null }
  | { kind: 'conv2d'; strides: [number, number]; padding: Padding; dilation: [number, number]; activation: Activation; kernel: KernelEntry; bias: number | null }
  | { kind: 'conv1d'; stride: number; padding: Padding; dilation: number; activation: Activation; kernel: KernelEntry; bias: number | null }
  | { kind: 'depthwiseConv2d'; strides: [number, number]; padding: Padding; dilation: [number, number]; activation: Activation; kernel: KernelEntry; bias: number | null }
  | { kind: 'batchNorm'; scale: number; shift: number }
  | { kind: 'maxPool2d' | 'avgPool2d'; poolSize: [number, number]; strides: [number, number]; padding: Padding }
  | { kind: 'maxPool1d' | 'avgPool1d'; poolSize: number; stride: number; padding: Padding }
  | { kind: 'globalAvgPool1d' | 'globalAvgPool2d' | 'globalMaxPool1d' | 'globalMaxPool2d' }
  | { kind: 'flatten' }
  | { kind: 'reshape'; targetShape: number[] }
  | { kind: 'activation'; activation: Activation }
  | { kind: 'add'; activation: Activation }
  /** PReLU: `alpha` is an f32 section of sizeOf(alphaShape) values. */
  | { kind: 'prelu'; alphaShape: number[]; alpha: number }
)) | AttributeLayerEntry);

/** Stored test samples of a model: `x` (count x input elements, f32) and labels `y` (count, i32). */
export interface SamplesEntry { count: number; x: number; y: number }

/** One model of the bundle. */
export interface ModelEntry {
  name: string;
  inputShape: number[];
  output: string;
  /** Test accuracies of the float and the compressed model in [0, 1], when known. */
  accuracyFloat: number | null;
  accuracyCompressed: number | null;
  layers: LayerEntry[];
  samples: SamplesEntry | null;
  /**
   * Version 2: `int8` (the layers are the int8 graph with its integers, run by the int8 runtime) or
   * `float32`. Absent in version 1 (float32).
   */
  arithmetic?: 'int8' | 'float32';
}

/** The JSON manifest. */
export interface BundleManifest {
  format: typeof FORMAT_NAME;
  version: number;
  /** Preset or plan name the bundle came from, for display. */
  preset: string;
  sections: SectionEntry[];
  codebooks: CodebookEntry[];
  models: ModelEntry[];
}

export const ACTIVATIONS: readonly Activation[] = IR_ACTIVATIONS;
export const PADDINGS: readonly Padding[] = ['valid', 'same'];
export const DTYPES: readonly Dtype[] = ['f32', 'f16', 'i8', 'u8', 'i32', 'i16'];
/** Dtypes a float tensor that may be float16 (codebooks, scales, biases) can have. */
export const FLOAT_DTYPES: readonly Dtype[] = ['f32', 'f16'];

/** Rounds up to a multiple of ALIGN. */
export const alignUp = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;
