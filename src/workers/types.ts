/**
 * Plain data that crosses between the UI and the workers (structured-clonable: numbers, strings,
 * arrays, records and typed arrays). The UI imports these types; the workers produce and consume them.
 */
import type { ModelIR } from '../core/models/ir';
import type { MemoryMap } from '../core/mcu/scenario/types';

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
  /** Number of classes (last dimension of the model output). */
  numClasses: number;
  /** The file names it came from. */
  files: string[];
  /** ms since epoch. */
  importedAt: number;
}

/**
 * A model a worker should work on: a built-in task (its model and data are fetched inside the worker,
 * from the app's own origin) or an imported model (sent as it is).
 */
export type ModelRef =
  | { kind: 'builtin'; name: string; /** Absolute URL of model.json. */ modelUrl: string; /** Absolute URL of the task's data folder, ending in '/'. */ dataUrl: string }
  | { kind: 'imported'; model: ImportedModel };

/** How often each codeword of a group is used, per model. */
export interface CodewordUsage {
  group: string;
  k: number;
  models: { model: string; /** (k) subvectors assigned to each codeword */ counts: Int32Array }[];
}

/** A 2-D PCA projection of a group's subvectors (a sample) and its codewords. */
export interface CodebookProjection {
  group: string;
  d: number;
  k: number;
  /** Model names; `pointModel` indexes them. */
  models: string[];
  /** (n x 2) projected subvectors (normalized as they were clustered). */
  points: Float32Array;
  /** (n) index into `models` of each point. */
  pointModel: Uint8Array;
  /** (k x 2) projected codewords. */
  codewords: Float32Array;
  /** Share of the subvectors' variance on each of the two axes, [0, 1]. */
  explained: [number, number];
  /** Subvectors in the group (the points are a seeded sample of them). */
  total: number;
}

/** The codebook views of a run. */
export interface CodebookViews {
  usage: CodewordUsage[];
  projections: CodebookProjection[];
}

/** The kinds of timeline events the virtual MCU emits. */
export type McuEventKind = 'load' | 'switch' | 'compute' | 'idle';

/** One event on a strategy's timeline, times in microseconds from the scenario start. */
export interface McuEvent {
  t0Us: number;
  t1Us: number;
  kind: McuEventKind;
  model: string;
  energyUj: number;
}

/** One strategy of a simulation (the issue 6 report keys, plus what the page shows). */
export interface McuStrategy {
  name: 'external-storage' | 'internal-flash' | 'yono';
  fits: boolean;
  /** Why it does not fit, else null. */
  message: string | null;
  weightFormat: string;
  meanSwitchMs: number | null;
  meanSwitchMj: number | null;
  inferenceMs: Record<string, number>;
  latencyMs: { mean: number; p95: number; max: number } | null;
  energyMj: { load: number; switch: number; compute: number; idle: number; total: number };
  events: McuEvent[];
}

/** A simulation as the page keeps it. */
export interface SimulationReport {
  device: string;
  deviceName: string;
  requests: number;
  durationUs: number;
  strategies: McuStrategy[];
  reduction: { switchLatencyPct: number | null; switchEnergyPct: number | null };
  /** Memory maps of every strategy on every device (switching device needs no new run). */
  memoryMaps: Record<string, MemoryMap[]>;
  /** The scenario that ran, as periodic tasks. */
  scenario: { model: string; periodMs: number; offsetMs: number }[];
}

/** Test samples the virtual MCU classified, per model. */
export interface McuPrediction {
  model: string;
  /** Modality for the preview ('image', 'audio', 'sensor'; 'unknown' for imported models). */
  modality: string;
  inputShape: number[];
  classNames: string[] | null;
  /** (n x inputSize) */
  x: Float32Array;
  /** (n) true class */
  y: Int32Array;
  /** (n) class predicted by the virtual MCU from the bundle bytes */
  predicted: Int32Array;
  /** Microseconds the virtual MCU (in this browser) took per sample. */
  hostUsPerSample: number;
}
