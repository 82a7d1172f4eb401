/**
 * Plain data that crosses between the UI and the workers (structured-clonable: numbers, strings,
 * arrays, records and typed arrays). The UI imports these types; the workers produce and consume them.
 */
import type { ModelIR } from '../core/models/ir';

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
