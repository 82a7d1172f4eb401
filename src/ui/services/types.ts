/**
 * The services layer: the only way UI code reaches the core. Components and store actions call these;
 * implementations talk to workers through the worker bridge (`src/ui/workers/bridge.ts`) or, for tiny
 * work, run on the main thread. Every long call takes `JobOptions` (progress + AbortSignal) so cancel
 * and progress look the same everywhere. Everything returned is structured-clonable plain data.
 */
import type { ModelIR } from '../../core/models/ir';
import type { Progress } from '../../core/util/progress';
import type { CompressionResult, Plan } from '../../core/compress/types';
import type { DeviceId } from '../state/settings';
import type { SimulationReport } from './reports';

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

/** Evaluation data that came with an imported model (`x.npy`, `y.npy`). */
export interface ImportedData {
  /** (n x ...inputShape) */
  x: Float32Array;
  xShape: number[];
  /** (n) class ids */
  y: Int32Array;
}

/** A model the user imported: its IR (weights as typed arrays) and optional data. */
export interface ImportedModel {
  /** Unique among imported and built-in models. */
  name: string;
  ir: ModelIR;
  data: ImportedData | null;
  /** The file names it came from. */
  files: string[];
  /** ms since epoch. */
  importedAt: number;
}

/** A codebook-learning request: the plan and the models it covers (built-in names or imported ones). */
export interface LearnCodebookRequest {
  plan: Plan;
  models: string[];
}

/** Learned codebooks, encodings and figures of every model: the pipeline's result, as it is. */
export type CodebookResult = CompressionResult;

/** One point of a (d, K) sweep. */
export interface SweepPoint {
  d: number;
  k: number;
  bytes: number;
  /** Mean accuracy over the models, [0, 1]. */
  accuracy: number;
}

/** A file produced for download. */
export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  mime: string;
}

/** The exports the Export step offers. */
export type ExportKind = 'bundle' | 'c' | 'tfjs' | 'report-json' | 'report-csv';

/** What a re-opened `.yono` bundle holds, for display. */
export interface BundleSummary {
  fileName: string;
  bytes: number;
  models: { name: string; layers: number; bytes: number }[];
  sections: { name: string; bytes: number }[];
}

/** All calls the UI makes into the core. */
export interface Services {
  loadBuiltins(): Promise<BuiltinCatalog>;
  /** The first test sample of a built-in task for its preview; null when its data is absent. */
  loadPreview(task: string): Promise<SamplePreview | null>;
  importModel(files: File[]): Promise<ImportedModel>;
  learnCodebook(req: LearnCodebookRequest, opts?: JobOptions): Promise<CodebookResult>;
  runSweep(req: LearnCodebookRequest & { ds: number[]; ks: number[] }, opts?: JobOptions): Promise<SweepPoint[]>;
  simulate(req: { device: DeviceId; result: CodebookResult }, opts?: JobOptions): Promise<SimulationReport>;
  exportFile(kind: ExportKind, result: CodebookResult, opts?: JobOptions): Promise<ExportedFile>;
  importBundle(file: File, opts?: JobOptions): Promise<BundleSummary>;
}
