/**
 * The pipeline's inputs inside a worker: built-in tasks (model.json + shards fetched from the app's
 * origin, data from `data.ts`) and imported models (IR and data sent by the UI). Batch norm is folded as
 * in the CLI. Loaded models are cached per worker, so a second run (another plan, a sweep point) starts at once.
 */
import type { CompressInput } from '../../core/compress/input/types';
import { loadModelFiles } from '../../core/io/loadModel';
import type { NamedFile } from '../../core/io/files';
import { inferenceGraph } from '../../core/models/fuseActivations';
import type { ModelIR } from '../../core/models/ir';
import type { ModelRef } from '../types';
import { fetchBytes } from './fetch';
import { builtinSplit, cached, importedSplits, refName } from './data';
import type { BuiltinRef } from './data';

/** The float IR (batch norm folded) of a built-in model, named after its task. */
export function builtinModel(ref: BuiltinRef): Promise<ModelIR> {
  return cached(`model:${ref.modelUrl}`, async () => {
    const jsonBytes = new Uint8Array(await fetchBytes(ref.modelUrl));
    const files: NamedFile[] = [{ name: 'model.json', bytes: jsonBytes }];
    let paths: string[] = [];
    try {
      const json = JSON.parse(new TextDecoder().decode(jsonBytes)) as { weightsManifest?: { paths?: unknown[] }[] };
      paths = (json.weightsManifest ?? []).flatMap((g) => (g.paths ?? []).filter((p): p is string => typeof p === 'string'));
    } catch {
      // loadModelFiles says what is wrong with model.json
    }
    for (const p of new Set(paths)) files.push({ name: p, bytes: new Uint8Array(await fetchBytes(new URL(p, ref.modelUrl).href)) });
    const loaded = await loadModelFiles(files, ref.name);
    loaded.model.dispose();
    return inferenceGraph({ ...loaded.ir, name: ref.name });
  });
}

/**
 * CompressInputs of every ref, in order. The train split is loaded only when `withTrain` (the EM
 * recovery fine-tunes on it); `seed` splits imported data.
 */
export async function compressInputs(refs: ModelRef[], opts: { withTrain: boolean; seed: number }): Promise<CompressInput[]> {
  if (refs.length === 0) throw new Error('no models to compress: include at least one built-in task or imported model (Models step)');
  const names = refs.map(refName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`two models are named '${dup}'; rename or remove one`);
  return Promise.all(refs.map(async (r): Promise<CompressInput> => {
    if (r.kind === 'imported') {
      const s = importedSplits(r.model, opts.seed);
      return { ir: inferenceGraph({ ...r.model.ir, name: r.model.name }), train: opts.withTrain ? s.train : null, val: s.val, test: s.test };
    }
    const [ir, val, test, train] = await Promise.all([
      builtinModel(r), builtinSplit(r, 'val'), builtinSplit(r, 'test'), opts.withTrain ? builtinSplit(r, 'train') : Promise.resolve(null),
    ]);
    return { ir, train, val, test };
  }));
}

/** The float IRs (batch norm folded) of every ref, in order, without their data. */
export async function modelIRs(refs: ModelRef[]): Promise<ModelIR[]> {
  return Promise.all(refs.map((r) => (r.kind === 'imported' ? inferenceGraph({ ...r.model.ir, name: r.model.name }) : builtinModel(r))));
}
