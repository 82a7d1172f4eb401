import * as tf from '@tensorflow/tfjs';
import { fromLayersModel } from '../models/fromLayersModel';
import { baseName, type NamedFile } from './files';
import { collectWeights, parseModelJson, pickModelJson } from './modelJson';
import { loadTfliteFile, pickTflite } from './loadTflite';
import { checkTfjsIgnoredOptions } from './tfjsIgnores';
import type { LoadedModel } from './loadedModel';

export type { LoadedModel } from './loadedModel';


const layerOf = (weightName: string) => weightName.slice(0, Math.max(0, weightName.lastIndexOf('/'))) || weightName;

/** Compares the model's variables with the decoded weights: every variable present, same shape, no extras. */
function checkWeights(model: tf.LayersModel, weights: tf.NamedTensorMap): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const v of model.weights) {
    const w = weights[v.originalName];
    seen.add(v.originalName);
    if (!w) problems.push(`'${v.originalName}' (shape [${v.shape}]) is not in the weight files`);
    else if (w.shape.join(',') !== v.shape.join(',')) problems.push(`'${v.originalName}': the model needs shape [${v.shape}], the weight files hold [${w.shape}]`);
  }
  for (const k of Object.keys(weights)) if (!seen.has(k)) problems.push(`'${k}' in the weight files matches no layer weight of the model`);
  if (problems.length) throw new Error(`model.json and its weights do not match: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? `; and ${problems.length - 8} more` : ''}`);
}

/** Throws naming every layer whose weights hold NaN or ±Infinity, with counts. */
function checkFinite(weights: tf.NamedTensorMap): void {
  const perLayer = new Map<string, { count: number; total: number }>();
  for (const [name, t] of Object.entries(weights)) {
    if (t.dtype !== 'float32') continue;
    const d = t.dataSync() as Float32Array;
    let c = 0;
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) c++;
    const l = layerOf(name);
    const e = perLayer.get(l) ?? { count: 0, total: 0 };
    e.count += c;
    e.total += d.length;
    perLayer.set(l, e);
  }
  const bad = [...perLayer].filter(([, e]) => e.count > 0);
  if (bad.length) {
    const list = bad.map(([l, e]) => `layer '${l}': ${e.count} of ${e.total} values`).join('; ');
    throw new Error(`the weights contain non-finite values (NaN or Infinity): ${list}. The model diverged in training or the files are corrupt`);
  }
}

/**
 * Loads a tfjs Layers model from `model.json` + its weight shards (as `model.save` or the TensorFlow.js
 * converter writes them, several groups and shards, uint8 / uint16 / float16 quantised weights decoded as
 * tfjs decodes them) given as named byte arrays, or a `.tflite` file (`loadTfliteFile`), checks it thoroughly and converts it to the IR. Errors name the problem: no or bad
 * model.json, not a Layers model, missing / short weight files (bytes expected vs. found), weight names
 * or shapes that do not match the topology, non-finite weights (layer and count), unsupported layers.
 * Nothing is half-loaded: on any error every tensor created is disposed.
 */
export async function loadModelFiles(files: readonly NamedFile[], name?: string): Promise<LoadedModel> {
  const tflite = pickTflite(files);
  if (tflite) return loadTfliteFile(tflite, name);
  const jsonFile = pickModelJson(files);
  const json = parseModelJson(jsonFile);
  checkTfjsIgnoredOptions(json.modelTopology);
  const { specs, data } = collectWeights(json, files);
  let model: tf.LayersModel | null = null;
  let weights: tf.NamedTensorMap = {};
  try {
    try {
      model = await tf.models.modelFromJSON({ modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'] } as tf.io.ModelJSON);
    } catch (e) {
      throw new Error(`tfjs-layers 4.22 cannot build model.json's modelTopology (${e instanceof Error ? e.message : String(e)}). ` +
        'YONO evaluates every model with tfjs, so it imports only what tfjs loads: replace that layer or option, or convert the model to .tflite', { cause: e });
    }
    weights = tf.io.decodeWeights(data, specs);
    checkWeights(model, weights);
    checkFinite(weights);
    model.loadWeights(weights, true);
    const ir = fromLayersModel(model, name ?? model.name);
    const used = [jsonFile, ...json.weightsManifest.flatMap((g) => g.paths)].map((f) => baseName(typeof f === 'string' ? f : f.name));
    return { model, ir, files: used, storedBytes: data.byteLength };
  } catch (e) {
    model?.dispose();
    throw e;
  } finally {
    tf.dispose(Object.values(weights));
  }
}
