// Node glue of the compression pipeline: turns `--models digits,fashion,PATH/model.json=DATA_DIR` into
// CompressInputs (float IR with batch norm folded + train/val/test splits) read from disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompressInput } from '../core/compress/state';
import { splitRows } from '../core/compress/split';
import { isDatasetName, SUITE_NAMES, type DatasetName } from '../core/data/suite';
import { readEvalData } from '../core/io/evalData';
import { loadModelFiles } from '../core/io/loadModel';
import { inferenceGraph } from '../core/models/fuseActivations';
import { loadTaskNode } from './data';
import { findModelsDir, readModelFiles, readNpyDir } from './files';

/** One `--models` entry: a built-in or suite task, or a user's model.json with an optional data folder. */
export type ModelSpec =
  | { kind: 'builtin'; task: DatasetName }
  | { kind: 'file'; /** model.json or .tflite path */ modelJson: string; dataDir: string | null };

/**
 * Parses `digits,fashion,path/model.json=DATA_DIR`; `suite` stands for the generalization suite's tasks
 * (SUITE_NAMES). Throws naming a bad entry and the valid forms.
 */
export function parseModelSpecs(arg: string): ModelSpec[] {
  const parts = arg.split(',').map((s) => s.trim()).filter(Boolean).flatMap((p) => (p === 'suite' ? [...SUITE_NAMES] : [p]));
  if (parts.length === 0) throw new Error('--models is empty: list built-in tasks (digits, fashion, keywords, activity) and/or PATH/model.json=DATA_DIR');
  return parts.map((p): ModelSpec => {
    if (isDatasetName(p)) return { kind: 'builtin', task: p };
    const eq = p.indexOf('=');
    const file = eq >= 0 ? p.slice(0, eq) : p;
    if (!file.endsWith('.json') && !file.toLowerCase().endsWith('.tflite')) {
      throw new Error(`--models entry '${p}' is neither a built-in task (digits, fashion, keywords, activity), a suite task (suite, or one of ${SUITE_NAMES.join(', ')}) nor PATH/model.json[=DATA_DIR] nor PATH/model.tflite[=DATA_DIR]`);
    }
    return { kind: 'file', modelJson: file, dataDir: eq >= 0 ? p.slice(eq + 1) : null };
  });
}

/**
 * A user's data folder: `train/`, `val/`, `test/` subfolders each with x.npy + y.npy; or a single
 * x.npy + y.npy, split by a seeded shuffle into 60 % train, 20 % val, 20 % test.
 */
async function userData(dir: string, inputShape: number[], classes: number, seed: number): Promise<Omit<CompressInput, 'ir'>> {
  const rowLen = inputShape.reduce((a, b) => a * b, 1);
  const read = async (d: string) => {
    const { x, y } = await readNpyDir(d);
    const e = readEvalData(x, y, inputShape, classes);
    if (classes > 256) throw new Error(`${d}: more than 256 classes are not supported`);
    return { x: e.x, y: Uint8Array.from(e.y), n: e.y.length };
  };
  if (['train', 'val', 'test'].every((s) => existsSync(join(dir, s, 'x.npy')))) {
    return { train: await read(join(dir, 'train')), val: await read(join(dir, 'val')), test: await read(join(dir, 'test')) };
  }
  if (!existsSync(join(dir, 'x.npy'))) throw new Error(`data folder ${dir} has neither x.npy + y.npy nor train/, val/, test/ subfolders with them`);
  const all = await read(dir);
  try {
    return splitRows(all.x, all.y, all.n, rowLen, seed);
  } catch (e) {
    throw new Error(`${dir}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Loads every spec: built-in tasks from `public/models/<task>/model.json` and `public/data/<task>`;
 * user models from their model.json (+ weight shards beside it) and data folder. Batch norm is folded and activations fused (inferenceGraph).
 * A user model without data cannot be evaluated: that is an error saying how to give data.
 */
export async function loadCompressInputs(specs: ModelSpec[], opts: { modelsDir?: string; dataDir?: string; seed?: number } = {}): Promise<CompressInput[]> {
  const out: CompressInput[] = [];
  for (const s of specs) {
    if (s.kind === 'builtin') {
      const mdir = opts.modelsDir ?? findModelsDir();
      const path = join(mdir, s.task, 'model.json');
      if (!existsSync(path)) {
        throw new Error(`the built-in model '${s.task}' is not there (${path}): run \`npm run pretrain -- --task ${s.task}\`, or leave it out of --models`);
      }
      const loaded = await loadModelFiles(await readModelFiles(path), s.task);
      loaded.model.dispose();
      const ds = await loadTaskNode(s.task, opts.dataDir);
      out.push({ ir: inferenceGraph(loaded.ir), train: ds.train, val: ds.val, test: ds.test });
    } else {
      const loaded = await loadModelFiles(await readModelFiles(s.modelJson));
      const outShape = loaded.model.outputs[0].shape;
      const classes = outShape[outShape.length - 1] as number;
      loaded.model.dispose();
      if (!s.dataDir) throw new Error(`model ${s.modelJson} has no data: write it as ${s.modelJson}=DATA_DIR with x.npy and y.npy in DATA_DIR`);
      const name = loaded.ir.name && !out.some((m) => m.ir.name === loaded.ir.name) ? loaded.ir.name : `model${out.length + 1}`;
      const ir = inferenceGraph({ ...loaded.ir, name });
      out.push({ ir, ...(await userData(s.dataDir, ir.inputShape, classes, opts.seed ?? 1)), storedBytes: loaded.storedBytes });
    }
  }
  return out;
}
