/**
 * Shared, serializable types of the compression pipeline: the Plan (what to do), the CompressionResult
 * (what came out, consumed by the bundle writer, the virtual MCU and the UI) and the JSON report.
 *
 * Everything here is plain data: numbers, strings, arrays, records and typed arrays, so it
 * structured-clones to Web Workers and IndexedDB unchanged. No functions, no classes, no Maps.
 */
import type { ModelIR } from '../models/ir';
import type { LayerEncoding } from '../quant/encoding';
import type { Calibration } from '../quant/calibrate';

// ---------------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------------

/**
 * How weight layers are routed to codebook groups.
 * - `paper`: two shared groups as in the YONO paper: `spatial` (every kernel with a spatial extent:
 *   3x3 conv2d, depthwise, conv1d with k > 1; default d = 9, one 3x3 kernel of one input channel per
 *   subvector) and `pointwise` (1x1 conv2d, conv1d with k = 1, dense; its own d).
 * - `single`: one group `shared` for every layer of every model.
 * - `per-model`: the paper's split inside each model: `<model>/spatial` and `<model>/pointwise`.
 * - `per-layer`: one group per layer, named `<model>/<layer>`.
 */
export type GroupingRule = 'paper' | 'single' | 'per-model' | 'per-layer';

/** The two kernel classes of the paper's rule. */
export type KernelClass = 'spatial' | 'pointwise';

/**
 * Scaling applied before clustering and undone at decode: `layer` = one scale per layer,
 * `channel` = one scale per output unit (the RMS of its weights), `auto` = per channel only in layers
 * whose units differ in scale (90th / 10th percentile of unit RMS > 2, e.g. batch norm folded in), else
 * per layer — per-unit scales cost 4 bytes each. Lets one codebook fit layers whose weights differ by
 * orders of magnitude.
 */
export type Normalization = 'none' | 'layer' | 'channel' | 'auto';

/** How one weight layer is stored. */
export type LayerFormat = 'pq' | 'int8' | 'float32';

/**
 * A manual (or auto-plan) per-layer choice: a format, `pq-medium` = PQ in the shared `medium` codebook or
 * `pq-fine` = PQ in the shared `fine` codebook.
 */
export type LayerOverride = LayerFormat | 'pq-medium' | 'pq-fine';

/** Subvector length and number of codewords of a group. */
export interface GroupConfig {
  /** Subvector length (weights per index). */
  d: number;
  /** Codewords; indices take ceil(log2 k) bits. */
  k: number;
}

/** Options of the codebook k-means (the PQ engine's kmeans). */
export interface KMeansConfig {
  maxIter: number;
  /** Relative inertia change below which Lloyd stops. */
  tol: number;
  /** `sampled` = k-means++ on a seeded subsample (cheaper for large groups). */
  init: 'kmeans++' | 'sampled';
}

/** The auto rule for small layers: a kernel with fewer than `minParams` weights is stored as `format`. */
export interface KeepRule {
  minParams: number;
  format: 'int8' | 'float32';
}

/** The EM recovery (the paper's network optimization), run per model with the codebooks fixed. */
export interface RecoveryConfig {
  enabled: boolean;
  /** At most this many EM rounds (one layer fine-tuned then re-assigned per round) per model. */
  maxLayers: number;
  /** Epochs of full-precision fine-tuning per round (M-step). */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Cap on training samples used per epoch (a seeded subset); 0 = all. */
  maxTrainSamples: number;
  /**
   * M-step: `float` = the chosen layer in full precision, re-assigned once after fine-tuning (the paper);
   * `shadow` = a full-precision shadow of the layer trained with the gradient at its stored weights and
   * re-assigned to the fixed codebook after every batch (E-step per batch).
   */
  mStep: 'float' | 'shadow';
  /**
   * Fine-tune towards the float model's output probabilities on the training rows (knowledge
   * distillation) instead of the labels: the compressed model learns to agree with the float one.
   */
  distill: boolean;
  /** Also fine-tune the codewords (mean gradient of their assigned subvectors); trades generality. */
  fineTuneCodewords: boolean;
}

/**
 * The arithmetic the compressed models run with (and are measured with): `int8` = int8 activations per
 * tensor, int8 weights and codebooks, int32 biases (stored as int16 + shift), fixed-point requantisation (the int8 runtime; every
 * accuracy the pipeline reports or judges comes from the fake-quant model); `float32` = float activations,
 * weights decoded to float (float16 codebooks).
 */
export type Activations = 'int8' | 'float32';

/** Which split the pipeline uses for its own decisions (auto-plan, recovery's best state). */
export type SelectionSplit = 'val' | 'test';

/** A compression plan. Plain data; the UI, CLI and workers share it. */
export interface Plan {
  /** Preset it came from, for display only (`custom` when edited). */
  preset: string;
  grouping: GroupingRule;
  /**
   * d and k per group. Resolution for a group: `groups[<group name>]`, else `groups[<kernel class>]`
   * (`spatial` / `pointwise`), else `groups.default`. `default` must be present.
   */
  groups: Record<string, GroupConfig>;
  normalization: Normalization;
  /** Small layers stay int8 or float32. */
  keep: KeepRule;
  /** Manual per-layer formats, keyed `<model>/<layer>`; they win over every rule. */
  overrides: Record<string, LayerOverride>;
  /**
   * A third shared codebook, group `fine` (d and K in `groups.fine`), learned over every PQ layer of
   * every model: the auto-plan moves a sensitive layer there (more bits per weight) before int8. When
   * `groups.medium` is given too, a `medium` codebook between the kind codebooks and `fine` is learned the
   * same way and is the rung before `fine`.
   */
  fineTier: boolean;
  /**
   * The coarse tier: with the paper's grouping, layers of at least this many weights start in their kind's
   * coarse codebook (`coarse-spatial` / `coarse-pointwise`, fewer bits per weight; d and K in `groups`),
   * and the auto-plan moves a sensitive one back to its kind's codebook first. 0 = off. Big layers are
   * where the bytes are, and they are usually the least sensitive per weight.
   */
  coarseMinParams: number;
  /** Format of layers not kept and not overridden: `pq` for PQ presets, `int8`/`float32` for baselines. */
  defaultFormat: LayerFormat;
  /** Activations and arithmetic of the compressed models (`Activations`). */
  activations: Activations;
  /** Seed of every random choice (k-means init, sample subsets, shuffles). */
  seed: number;
  /** Per-model accuracy budget in percentage points (auto-plan and recovery stop there). */
  budgetPp: number;
  /**
   * Accuracy (pp) the selection split must keep beyond the budget: choices made on it look better there
   * than on unseen data, so the pipeline aims at float - (budget - margin) on it. 0 = none.
   */
  selectionMarginPp: number;
  /**
   * Decisions use the selection accuracy minus this many standard errors of its difference to the float
   * model (sqrt(disagreements) / n): a lower confidence bound that widens the margin where the
   * selection split is small or the models disagree often. 0 = plain accuracy.
   */
  selectionZ: number;
  /**
   * With auto-plan and recovery: a model whose score is further than this (pp) below its target before
   * recovery first moves its most sensitive layers up (fine codebook, else keep format) until within it.
   */
  recoverableGapPp: number;
  /** When true, sensitivity is measured and layers are reverted to `keep.format` until within budget. */
  autoPlan: boolean;
  selectOn: SelectionSplit;
  recovery: RecoveryConfig;
  kmeans: KMeansConfig;
  /** Subsample at most this many subvectors per group for k-means (0 = all); assignment covers all. */
  kmeansMaxSamples: number;
}

// ---------------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------------

/** A learned codebook. */
export interface CodebookGroup {
  name: string;
  d: number;
  k: number;
  /** (k x d) */
  codebook: Float32Array;
  /**
   * Int8 codebooks (plans with int8 activations): every value is an int8 times this scale (max|value| / 127),
   * as the int8 runtime stores it. Absent for float16 codebooks.
   */
  scale?: number;
  /** Layers that use it, `<model>/<layer>`. */
  layers: string[];
}

/** How one weight layer's kernel is stored (defined with the int8 lowering that reads it). */
export type { LayerEncoding } from '../quant/encoding';

/** Per-layer figures of the report. */
export interface LayerReport {
  name: string;
  kind: string;
  /** Kernel weights (biases excluded). */
  params: number;
  /** True when stored as PQ or int8 (not float32). */
  compressed: boolean;
  format: LayerFormat;
  /** Group name for PQ layers, else null. */
  codebook: string | null;
  /** SQNR of the stored kernel against the float kernel, dB; null for float32. */
  sqnrDb: number | null;
  /** Bytes of this layer in the compressed model (kernel encoding + scales + bias + header). */
  bytes: number;
  /** Bytes of the same layer in float32 (kernel + bias). */
  float32Bytes: number;
  /** Accuracy drop (pp, on the selection split) when only this layer is quantized; null if not measured. */
  sensitivityPp: number | null;
  /** True when the EM recovery fine-tuned this layer. */
  recovered: boolean;
}

/** One step of the EM recovery of a model. */
export interface RecoveryStep {
  layer: string;
  /** Accuracy on the selection split after fine-tuning and re-assignment. */
  accuracy: number;
  accepted: boolean;
}

/** A compressed model. */
export interface CompressedModel {
  name: string;
  /**
   * The model IR with float biases, batch-norm (folded when the adapter folded it) and float32 kernels.
   * Kernels of `pq` and `int8` layers are emptied (`data.length === 0`, `shape` kept): rebuild them with
   * `decodeModel`.
   */
  ir: ModelIR;
  /** One entry per weight layer of `ir`, keyed by layer name. */
  encodings: Record<string, LayerEncoding>;
  /** Test-split accuracies in [0, 1]. */
  accuracyFloat: number;
  accuracyCompressed: number;
  /** Selection-split (validation) accuracies in [0, 1]. */
  valAccuracyFloat: number;
  valAccuracyCompressed: number;
  /**
   * Test samples, and the fraction of them on which the compressed and the float model predict different
   * classes: the test drop's standard error is sqrt(testDisagreement / testSamples) (testDropSePp).
   * Absent in results made before they were recorded.
   */
  testSamples?: number;
  testDisagreement?: number;
  /** All parameters as float32 (kernels, biases, batch-norm). */
  float32Bytes: number;
  /** This model's bytes: encodings, scales, biases, BN, kept layers, headers, plus codebooks used by it alone. */
  compressedBytes: number;
  /** Bytes of the imported files' weights as stored (uint8/float16 shards, .tflite), when imported. */
  storedBytes?: number;
  layers: LayerReport[];
  recovery: RecoveryStep[];
  /**
   * With int8 activations: the calibration (quant/calibrate.ts) — every tensor's (scale, zero point) of the
   * model's int8 graph, which the lowering (quant/lower.ts) turns into the runtime's integers with `ir`,
   * `encodings` and the codebooks. Absent for float activations.
   */
  calibration?: Calibration;
}

/** Byte totals over all models; shared codebooks are counted once. */
export interface Totals {
  float32Bytes: number;
  compressedBytes: number;
  /** float32Bytes / compressedBytes */
  ratio: number;
  codebookBytes: number;
  headerBytes: number;
}

/** Pipeline phases timed in `timingsMs`. */
export type Phase = 'extract' | 'kmeans' | 'assign' | 'evaluate' | 'sensitivity' | 'recovery' | 'total';

/** The output of `compress`. Plain data: clones to workers and IndexedDB. */
export interface CompressionResult {
  plan: Plan;
  codebooks: CodebookGroup[];
  models: CompressedModel[];
  totals: Totals;
  timingsMs: Record<Phase, number>;
}

// ---------------------------------------------------------------------------------------------------
// Report JSON (keys fixed by issue 4: accuracies in [0, 1], bytes as integers)
// ---------------------------------------------------------------------------------------------------

export interface ReportCodebook { name: string; d: number; k: number; bytes: number; layers: string[] }

export interface ReportModel {
  name: string;
  float32Bytes: number;
  compressedBytes: number;
  /** Imported models: bytes of the weights as stored in the user's files (the ratio against it: storedBytes / compressedBytes). */
  storedBytes?: number;
  accuracyFloat: number;
  accuracyCompressed: number;
  /** The same on the selection (validation) split, which the pipeline's decisions used. */
  valAccuracyFloat: number;
  valAccuracyCompressed: number;
  /** See CompressedModel; absent for results made before they were recorded. */
  testSamples?: number;
  testDisagreement?: number;
  layers: LayerReport[];
  recovery: RecoveryStep[];
}

export interface CompressionReport {
  preset: string;
  plan: Plan;
  totals: Totals;
  codebooks: ReportCodebook[];
  models: ReportModel[];
  timingsMs: Record<Phase, number>;
}
