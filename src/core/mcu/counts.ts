/**
 * Per-layer and per-model operation counts: what a run of one model costs, independent of the device.
 *
 * Two producers fill these: the virtual-MCU runtime (issue 5), which measures them while it executes a bundle,
 * and `countsFromIR` (cost/counts-from-ir.ts), which derives them analytically from a model IR. The cost model
 * (cost/) turns them into cycles, milliseconds and millijoules for a device profile; the scenario simulator
 * (scenario/) uses the model-level byte figures for memory maps and SD loading.
 *
 * All counts are per single inference (batch 1). Bytes are bytes, never KB.
 */

/** Kind of computation, which selects the cycles-per-MAC entry of an engine. */
export type OpClass =
  | 'conv' // Conv2D with a kernel larger than 1x1 (3x3, 10x4, ...)
  | 'depthwise' // DepthwiseConv2D
  | 'pointwise' // Conv2D with a 1x1 kernel
  | 'dense' // fully connected
  | 'conv1d' // Conv1D
  | 'pool' // max/avg pooling, global pooling
  | 'elementwise' // add, activation layers, batch norm (unfolded), softmax
  | 'other'; // flatten, reshape, input: no arithmetic

/** How a layer's weights are stored. `none` for layers without weights. */
export type WeightFormat = 'pq' | 'int8' | 'float32' | 'none';

/** Data type of the activations a layer reads and writes. */
export type ActivationFormat = 'int8' | 'float32';

/** Operation counts of one layer for one inference. */
export interface LayerCounts {
  /** Layer name, unique within the model. */
  layer: string;
  /** Kind of computation (selects the cost per MAC). */
  op: OpClass;
  /** Multiply-accumulates (for pool/elementwise: 0; their work is in `elementOps`). */
  macs: number;
  /** Element operations of pool/elementwise layers (elements read, e.g. inputs summed or compared); 0 for MAC layers. */
  elementOps: number;
  /** Output elements written (NHWC product of the output shape). */
  outputElements: number;
  /** Input channels of a conv (the CMSIS-NN fast path needs >= 4); 0 where it does not apply. */
  inputChannels: number;
  /** Weight values in the layer's kernel (kh*kw*cin*cout, in*units, ...); 0 for layers without weights. */
  weights: number;
  /** Bias values (plus any per-channel scale/shift values of an unfolded batch norm). */
  biases: number;
  /** How the kernel is stored. */
  weightFormat: WeightFormat;
  /** Codeword fetches from a codebook (each produces `codewordLength` weight values). 0 unless `pq`. */
  codebookLookups: number;
  /** Length `d` of one codeword (weight values per lookup); 0 unless `pq`. */
  codewordLength: number;
  /** Packed indices extracted (bit-unpacked). Usually equal to `codebookLookups`. */
  indicesUnpacked: number;
  /**
   * Weight values materialized into the float scratch before use (decoded from a codebook or dequantized
   * from int8); 0 when the kernel multiplies weights straight from storage.
   */
  decodedWeights: number;
  /** Bytes of weights, indices, codebooks and biases fetched per inference, by memory region. */
  weightBytesRead: { flash: number; sram: number };
  /** Activation bytes read and written per inference (arena traffic). */
  activationBytes: { read: number; written: number };
  /** Activation data type. */
  activationFormat: ActivationFormat;
  /** Arena bytes live while this layer runs (its inputs, its output and everything kept for later). */
  arenaPeakBytes: number;
}

/** One codebook a model reads; codebooks shared between models carry the same `id` and are stored once. */
export interface CodebookRef {
  /** Stable id within a bundle, e.g. `conv3x3` or `fc`. */
  id: string;
  /** Stored bytes of the codebook (K x d values: 2 bytes each for the float16 codebooks bundles store, 4 in older f32-codebook bundles). */
  bytes: number;
}

/** Counts and storage of one model for one inference. */
export interface ModelCounts {
  /** Model (task) name, e.g. `keywords`. */
  model: string;
  /** Layers in execution order. */
  layers: LayerCounts[];
  /** Format of the compressible kernels of this variant (`pq` for a YONO bundle). */
  weightFormat: Exclude<WeightFormat, 'none'>;
  /** Activation data type the runtime uses. */
  activationFormat: ActivationFormat;
  /** Codebooks this model reads (shared ones appear in several models with the same id). */
  codebooks: CodebookRef[];
  /**
   * Bytes this model keeps in non-volatile storage, by kind: `codebooks` (sum of `codebooks[].bytes`, before
   * sharing), `indices` (packed), `kept` (int8/float kernels left uncompressed, biases, scales, batch-norm
   * parameters) and `other` (layer descriptors, manifest, alignment padding).
   */
  flashBytes: { codebooks: number; indices: number; kept: number; other: number };
  /** Peak activation arena in bytes (planned with buffer reuse). */
  arenaBytes: number;
  /** Scratch in SRAM besides the arena (e.g. one decoded filter in floats); 0 if none. */
  scratchBytes: number;
  /** Bytes of the model input buffer. */
  inputBytes: number;
  /** Bytes of the model output buffer. */
  outputBytes: number;
  /** Bytes of the uncompressed model as float32 (all kernels and biases at 4 B). */
  float32WeightBytes: number;
  /** Bytes of the uncompressed model as int8 (kernels 1 B, int32 biases, per-channel requantization data). */
  int8WeightBytes: number;
}

/** Sum of a numeric layer field over a model. */
export function sumLayers(m: ModelCounts, pick: (l: LayerCounts) => number): number {
  let s = 0;
  for (const l of m.layers) s += pick(l);
  return s;
}

/** Total MACs of a model. */
export function totalMacs(m: ModelCounts): number {
  return sumLayers(m, (l) => l.macs);
}

/** Stored bytes of a model on its own (its codebooks counted in full). */
export function storedBytes(m: ModelCounts): number {
  const f = m.flashBytes;
  return f.codebooks + f.indices + f.kept + f.other;
}

const NUMERIC_LAYER_FIELDS = [
  'macs', 'elementOps', 'outputElements', 'inputChannels', 'weights', 'biases', 'codebookLookups',
  'codewordLength', 'indicesUnpacked', 'decodedWeights', 'arenaPeakBytes',
] as const;

function checkCount(v: unknown, where: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new Error(`${where} must be a finite number >= 0, got ${String(v)}; fix the counts producer`);
  }
}

/**
 * Checks that counts are well formed (non-negative finite numbers, at least one layer, unique layer names)
 * and throws an Error naming the first bad field otherwise. Use on counts that come from outside (a runtime,
 * a JSON file) before simulating them.
 */
export function validateModelCounts(m: ModelCounts): void {
  if (!m || typeof m.model !== 'string' || m.model === '') throw new Error('model counts need a non-empty `model` name');
  if (!Array.isArray(m.layers) || m.layers.length === 0) throw new Error(`model '${m.model}' has no layers`);
  const names = new Set<string>();
  for (const l of m.layers) {
    if (names.has(l.layer)) throw new Error(`model '${m.model}' lists layer '${l.layer}' twice`);
    names.add(l.layer);
    for (const k of NUMERIC_LAYER_FIELDS) checkCount(l[k], `${m.model}/${l.layer}.${k}`);
    checkCount(l.weightBytesRead?.flash, `${m.model}/${l.layer}.weightBytesRead.flash`);
    checkCount(l.weightBytesRead?.sram, `${m.model}/${l.layer}.weightBytesRead.sram`);
    checkCount(l.activationBytes?.read, `${m.model}/${l.layer}.activationBytes.read`);
    checkCount(l.activationBytes?.written, `${m.model}/${l.layer}.activationBytes.written`);
  }
  for (const k of ['codebooks', 'indices', 'kept', 'other'] as const) checkCount(m.flashBytes?.[k], `${m.model}.flashBytes.${k}`);
  for (const k of ['arenaBytes', 'scratchBytes', 'inputBytes', 'outputBytes', 'float32WeightBytes', 'int8WeightBytes'] as const) {
    checkCount(m[k], `${m.model}.${k}`);
  }
  for (const c of m.codebooks ?? []) checkCount(c.bytes, `${m.model}.codebooks[${c.id}].bytes`);
}

/**
 * What `yono simulate FILE.yono` needs from the bundle code (issue 5): the per-model counts of a bundle's bytes,
 * measured by running the runtime once per model or derived from its manifest. Throws with a message on a bad
 * bundle. The CLI takes such a function as a parameter, so it does not depend on the reader's internals.
 */
export type BundleCountsReader = (bundle: Uint8Array) => ModelCounts[] | Promise<ModelCounts[]>;
