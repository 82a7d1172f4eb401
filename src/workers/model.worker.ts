/**
 * Importing a user's model in a worker: model.json + weight shards (+ optional x.npy / y.npy) read,
 * validated and converted to the IR here, so a large or broken file never blocks the page.
 */
import * as Comlink from 'comlink';
import { importModel } from '../core/io/importModel';
import { baseName, readFileLikes } from '../core/io/files';
import type { FileLike } from '../core/io/files';
import type { ImportedModel } from './types';
import { ensureCpu } from './lib/tfjs';

const api = {
  /** Reads and checks the files; the Error of a bad set says what is wrong. */
  async importModel(files: FileLike[]): Promise<ImportedModel> {
    await ensureCpu();
    const named = await readFileLikes(files);
    const r = await importModel({ files: named });
    r.model.dispose();
    const json = named.find((f) => /\.(json|tflite)$/i.test(baseName(f.name)));
    const fallback = json ? baseName(json.name).replace(/\.(json|tflite)$/i, '') : 'model';
    const name = r.ir.name && r.ir.name !== 'model' ? r.ir.name : fallback;
    return { name, ir: { ...r.ir, name }, data: r.data, numClasses: r.numClasses, files: r.files, importedAt: Date.now() };
  },
};

/** The worker's API, for createWorkerBridge<ModelWorkerApi>. */
export type ModelWorkerApi = typeof api;

Comlink.expose(api);
