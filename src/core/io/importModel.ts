import { baseName, type NamedFile } from './files';
import { loadModelFiles, type LoadedModel } from './loadModel';
import { readEvalData, type EvalData } from './evalData';

/** What the user hands in: the model files and, optionally, `x.npy` and `y.npy`. */
export interface ImportRequest {
  /** model.json and its weight shards (other files are ignored unless listed by model.json). */
  files: readonly NamedFile[];
  /** Model name; default: the model's own name. */
  name?: string;
  /** Evaluation data; found among `files` as x.npy / y.npy when omitted. */
  data?: { x: NamedFile; y: NamedFile };
}

/** An imported model with its (validated) evaluation data, or null when none came with it. */
export interface ImportResult extends LoadedModel {
  data: EvalData | null;
  /** Number of classes (last dimension of the model output). */
  numClasses: number;
}

/** Looks for x.npy and y.npy among the files; both or neither must be present. */
export function findNpyPair(files: readonly NamedFile[]): { x: NamedFile; y: NamedFile } | null {
  const x = files.find((f) => baseName(f.name) === 'x.npy');
  const y = files.find((f) => baseName(f.name) === 'y.npy');
  if (!x && !y) return null;
  if (!x || !y) throw new Error(`evaluation data needs both x.npy and y.npy; only ${x ? 'x.npy' : 'y.npy'} was given`);
  return { x, y };
}

/**
 * Imports a user's model: loads and checks model.json + weights, converts to the IR, and reads and
 * checks the NPY evaluation data against the model's input shape and classes. All or nothing: on any
 * error the model is disposed and the Error says what is wrong. The caller disposes `result.model`.
 */
export async function importModel(req: ImportRequest): Promise<ImportResult> {
  const pair = req.data ?? findNpyPair(req.files);
  const loaded = await loadModelFiles(req.files, req.name);
  try {
    const outShape = loaded.model.outputs[0].shape;
    const numClasses = outShape[outShape.length - 1] as number;
    if (outShape.length !== 2 || !(numClasses >= 1)) {
      throw new Error(`the model output has shape [${outShape.map(String)}]; a classifier with output (batch, classes) is expected`);
    }
    const data = pair ? readEvalData(pair.x, pair.y, loaded.ir.inputShape, numClasses) : null;
    return { ...loaded, data, numClasses, files: pair ? [...loaded.files, baseName(pair.x.name), baseName(pair.y.name)] : loaded.files };
  } catch (e) {
    loaded.model.dispose();
    throw e;
  }
}
