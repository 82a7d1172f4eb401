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
 * A manual per-layer choice: a format; `pq` = PQ (in its group's codebook, or with an allocation any
 * codebook format it chooses); `pq:<format>` = PQ in that format's codebook (e.g. `pq:a2k256`).
 */
export type LayerOverride = LayerFormat | `pq:${string}`;

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
  /**
   * What it fine-tunes: `layers` = EM rounds, one kernel at a time fine-tuned and re-assigned (the paper);
   * `biases` = the biases only, by distillation, after the allocation (the codeword assignment stays).
   */
  target: 'layers' | 'biases';
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
  selectOn: SelectionSplit;
  recovery: RecoveryConfig;
  kmeans: KMeansConfig;
  /** Subsample at most this many subvectors per group for k-means (0 = all); assignment covers all. */
  kmeansMaxSamples: number;
  /**
   * How codebooks are learned and layers assigned to them: `plain` = k-means on the weights and the nearest
   * codeword (the paper); `data-aware` = k-means weighted by each layer's input statistics, one GPTVQ
   * re-estimation round, and the GPTQ assignment with error feedback (the codewords minimise the layers'
   * output error on calibration data).
   */
  codebookFit: CodebookFit;
  /**
   * Codebook formats (`<s|p|a><d>k<K>`, plan/formats.ts) the allocation chooses from, per layer, next to
   * int8; empty = no allocation (every PQ layer in its group's codebook, the grouping rule).
   */
  formats: string[];
  /**
   * The allocation's selection rule: a model's allocation passes when the mean KL divergence of its output
   * to the float model's on the validation inputs is at most this (nats) and its validation drop at most
   * the budget (minus the margin).
   */
  klThreshold: number;
  /**
   * 0: each model gets the smallest allocation that passes its own rule. > 0: all models together in at most
   * this many bytes (the flash-size mode), the least summed loss that fits.
   */
  flashBytes: number;
  /** Drop a codebook when the bytes it saves its layers are fewer than its own (greedy, on predicted bytes). */
  pruneCodebooks: boolean;
  /**
   * After assignment, a sequential per-unit affine correction: each compressed layer's output fitted to the
   * float layer's on calibration data (scale folded into the unit scale, shift into the bias; no bytes).
   */
  correction: boolean;
  /** Training rows of the calibration: input statistics, the per-layer loss table, the correction. */
  calibrationRows: number;
  /** How PQ layers store their per-unit scales: float16, or one log-coded byte each (encode/scales.ts). */
  scaleCoding: ScaleCoding;
  /**
   * The allocation also offers each codebook format with one scale for the whole layer (no per-unit
   * scales) where the unit scales are a large part of the layer's bytes (LAYER_SCALE_SHARE).
   */
  layerScales: boolean;
}

/** How codebooks are learned and layers assigned (Plan.codebookFit). */
export type CodebookFit = 'plain' | 'data-aware';

/** How PQ layers store per-unit scales (Plan.scaleCoding). */
export type ScaleCoding = 'f16' | 'log8';

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
export type { LayerEncoding, ScaleCodes } from '../quant/encoding';

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
  /**
   * The allocation's loss of this layer in its format: the KL (nats) of the model's output to the float
   * model's on the calibration rows with only this layer stored so; null without an allocation.
   */
  kl?: number | null;
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
  /** KL (nats) of the compressed model's output to the float model's on the validation and test inputs. */
  klVal?: number;
  klTest?: number;
  /** The allocation's search (plans with an allocation). */
  allocation?: AllocationReport;
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

/**
 * Pipeline stages timed in `timingsMs` (wall clock of each stage; the per-model stages run in parallel on the
 * runner's threads): `calibrate` (float outputs, calibration, input statistics), `codebooks`, `table` (the
 * per-layer loss table, or the encodings of a plan without an allocation), `select` (the allocation's
 * search, correction, the recovery, the test pass), `total`.
 */
export type Phase = 'calibrate' | 'codebooks' | 'table' | 'select' | 'total';

/** What the allocation of one model did: its candidates and whether the chosen one met the selection rule. */
export interface AllocationReport {
  /** True when the chosen allocation passes the rule (KL on validation inputs and validation drop). */
  passed: boolean;
  /** Predicted loss (summed per-layer KL) of the chosen allocation. */
  predicted: number;
  /** The candidates measured, in order. */
  steps: { bytes: number; predicted: number; klVal: number; klValSe?: number; valDropPp: number; passed: boolean }[];
}

/** The flash-size target of a run (Plan.flashBytes > 0): what was asked, what the result takes, and whether it fits. */
export interface FlashReport {
  target: number;
  bytes: number;
  met: boolean;
}

/** A validation or test split too small to judge the budget on (input/warnings.ts). */
export interface SplitWarningReport {
  model: string;
  split: 'val' | 'test';
  samples: number;
  message: string;
}

/** The output of `compress`. Plain data: clones to workers and IndexedDB. */
export interface CompressionResult {
  plan: Plan;
  codebooks: CodebookGroup[];
  models: CompressedModel[];
  totals: Totals;
  timingsMs: Record<Phase, number>;
  /** Validation or test splits under 1,000 samples (absent in results made before they were recorded). */
  warnings?: SplitWarningReport[];
  /** The flash-size target and whether the result fits it (flash-size mode only). */
  flash?: FlashReport;
  /** Threads the per-model stages ran on (1 = inline). */
  threads?: number;
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
  klVal?: number;
  klTest?: number;
  allocation?: AllocationReport;
}

export interface CompressionReport {
  preset: string;
  plan: Plan;
  totals: Totals;
  codebooks: ReportCodebook[];
  models: ReportModel[];
  timingsMs: Record<Phase, number>;
  /** Splits too small to judge the budget on: what it means and what to do. */
  warnings: SplitWarningReport[];
  flash?: FlashReport;
  threads?: number;
}
