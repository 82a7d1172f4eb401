/**
 * The services layer: the only way UI code reaches the core. Components and store actions call these;
 * implementations talk to workers through the worker bridge (`src/ui/workers/bridge.ts`) or, for tiny
 * work, run on the main thread. Every long call takes `JobOptions` (progress + AbortSignal) so cancel
 * and progress look the same everywhere. Everything returned is structured-clonable plain data.
 */
import type { Progress } from '../../core/util/progress';
import type { CompressionResult, Plan } from '../../core/compress/types';
import type { PresetName } from '../../core/compress/plan/presets';
import type { BaselineRow } from '../../core/studies/baselines';
import type { SweepPoint } from '../../core/studies/sweep';
import type { BundleSummary as CoreBundleSummary } from '../../core/bundle/describe';
import type { DeviceId } from '../../core/mcu/devices';
import type { ScenarioTask } from '../../core/mcu/scenario/for-bundle';
import type { McuPrediction, SimulationSummary, StrategySummary } from '../../core/mcu/scenario/run';
import type { CodebookViews } from '../../core/compress/result/views';
import type { ImportedModel, ModelRef } from '../../workers/types';
import type { ExportKind, ExportedFile } from '../../core/report/exports';
import type { ReportExtras } from '../../core/report/report';
import type { ModelShape, PlanEstimate } from '../../core/compress/estimate/estimate';
import type { LayerSqnrEstimate } from '../../core/compress/estimate/sqnr';

export type { ModelShape, PlanEstimate, LayerSqnrEstimate, StrategySummary };
export type { BaselineRow, PresetName, ExportKind, ExportedFile, ReportExtras, SweepPoint, DeviceId, ScenarioTask, McuPrediction, SimulationSummary, CodebookViews };
export type { CodewordUsage, CodebookProjection } from '../../core/compress/result/views';
export type { ImportedData, ImportedModel, ModelRef } from '../../workers/types';

/** Progress callback and cancellation for one long call. */
export interface JobOptions {
  onProgress?: (p: Progress) => void;
  /** Aborting rejects the call with an AbortError and stops (or terminates) the worker doing it. */
  signal?: AbortSignal;
}

/** What a sample preview draws, per modality (values row-major), with the sample's class name. */
export type SamplePreview = (
  | { kind: 'image'; width: number; height: number; /** (height x width), 0..1 */ pixels: Float32Array }
  | { kind: 'spectrogram'; frames: number; bands: number; /** (frames x bands), any scale */ values: Float32Array }
  | { kind: 'trace'; length: number; /** (length x 3): x, y, z */ values: Float32Array; rateHz?: number }
) & { label?: string };

/** One built-in task as the Models step shows it. Missing figures are null, never guessed. */
export interface BuiltinTask {
  name: string;
  /** 'image' | 'audio' | 'sensor' (or what the manifest says). */
  modality: string;
  /** True for generated data (synthetic speech, simulated accelerometer); null when unknown. */
  synthetic: boolean | null;
  /** Free text such as "real MNIST" or "synthetic speech". */
  description: string | null;
  classes: string[] | null;
  samples: number | null;
  params: number | null;
  macs: number | null;
  float32Bytes: number | null;
  /** Test accuracy in [0, 1]. */
  accuracy: number | null;
  /** URL of the tfjs model.json. */
  modelUrl: string | null;
  sample: SamplePreview | null;
}

/** The built-in catalogue: `missing` until `npm run data` / `npm run pretrain` produced the files. */
export type BuiltinCatalog =
  | { status: 'ready'; tasks: BuiltinTask[] }
  | { status: 'missing'; message: string };

/** A codebook-learning request: the plan and the models it covers (built-in or imported). */
export interface LearnCodebookRequest {
  plan: Plan;
  models: ModelRef[];
}

/** Learned codebooks, encodings and figures of every model: the pipeline's result, as it is. */
export type CodebookResult = CompressionResult;

/** What a codebook run gives: the result and its views (codeword usage, 2-D projection). */
export interface LearnOutcome {
  result: CodebookResult;
  views: CodebookViews;
}

/** What the virtual MCU run needs: the result, the models (for test samples), device and scenario. */
export interface SimulateRequest {
  device: DeviceId;
  result: CodebookResult;
  models: ModelRef[];
  /** Empty: the simulator's default scenario for these models. */
  scenario: ScenarioTask[];
}

/** A re-opened `.yono` bundle: the bundle reader's summary and the file name. */
export type BundleSummary = CoreBundleSummary & { fileName: string };

/** An export request: the result, the models (test samples go into bundles) and the other figures. */
export interface ExportRequest {
  result: CodebookResult;
  models: ModelRef[];
  extras: ReportExtras;
  /** Store test samples in a `.yono` bundle (for the runtime's self-check); default true. */
  withSamples?: boolean;
}

/** All calls the UI makes into the core. */
export interface Services {
  loadBuiltins(): Promise<BuiltinCatalog>;
  /** The first test sample of a built-in task for its preview; null when its data is absent. */
  loadPreview(task: string): Promise<SamplePreview | null>;
  /** Reads and checks model files in a worker; rejects with an InputError saying what is wrong. */
  importModel(files: File[]): Promise<ImportedModel>;
  learnCodebook(req: LearnCodebookRequest, opts?: JobOptions): Promise<LearnOutcome>;
  /**
   * The comparison table: one row per preset, run on the worker pool; presets in `reuse.presets` take
   * their row from `reuse.result` (a run of exactly that plan on the same models) instead.
   */
  compareMethods(req: LearnCodebookRequest & { presets: PresetName[]; reuse?: { result: CodebookResult; presets: PresetName[] } }, opts?: JobOptions): Promise<BaselineRow[]>;
  /** (d, K) points on the worker pool; `onPoint` sees each point as it lands. */
  runSweep(req: LearnCodebookRequest & { ds: number[]; ks: number[] }, opts?: JobOptions & { onPoint?: (p: SweepPoint) => void }): Promise<SweepPoint[]>;
  simulate(req: SimulateRequest, opts?: JobOptions): Promise<{ report: SimulationSummary; predictions: McuPrediction[] }>;
  exportFile(kind: ExportKind, req: ExportRequest, opts?: JobOptions): Promise<ExportedFile>;
  importBundle(file: File, opts?: JobOptions): Promise<BundleSummary>;
  /** Each model's shape for the instant byte estimates (one worker call per model set; the estimate itself runs on the page). */
  modelShapes(models: ModelRef[]): Promise<ModelShape[]>;
  /** Per-layer SQNR of a plan from codebooks learned on a subsample, in its own worker (about a second). */
  quickSqnr(req: LearnCodebookRequest, opts?: JobOptions): Promise<LayerSqnrEstimate[]>;
}
