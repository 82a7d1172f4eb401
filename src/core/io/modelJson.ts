import type * as tf from '@tensorflow/tfjs';
import { baseName, type NamedFile } from './files';
import { utf8Decode } from '../util/utf8';

/** model.json of a tfjs Layers model, checked enough to load its weights. */
export interface LayersModelJson {
  modelTopology: Record<string, unknown>;
  weightsManifest: tf.io.WeightsManifestConfig;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MODEL_CLASSES = ['Sequential', 'Model', 'Functional'];

/** Picks the model.json among the files: one named model.json, else the only .json file. */
export function pickModelJson(files: readonly NamedFile[]): NamedFile {
  const jsons = files.filter((f) => baseName(f.name).toLowerCase().endsWith('.json'));
  const named = jsons.filter((f) => baseName(f.name) === 'model.json');
  if (named.length === 1) return named[0];
  if (named.length === 0 && jsons.length === 1) return jsons[0];
  const got = files.map((f) => baseName(f.name)).join(', ') || 'no files';
  if (jsons.length === 0) throw new Error(`no model.json among the files (got: ${got}): choose the model.json written by tfjs model.save() together with its .bin weight files`);
  throw new Error(`more than one model JSON among the files (${jsons.map((f) => baseName(f.name)).join(', ')}): import one model at a time`);
}

/**
 * Parses and checks model.json: valid JSON, a tfjs Layers model (not a graph model or a bare Keras
 * config) with a weights manifest. Throws an Error saying what was found instead.
 */
export function parseModelJson(file: NamedFile): LayersModelJson {
  const name = baseName(file.name);
  let json: unknown;
  try {
    json = JSON.parse(utf8Decode(file.bytes));
  } catch (e) {
    throw new Error(`${name} is not valid JSON (${e instanceof Error ? e.message : String(e)}): choose the model.json written by tfjs model.save()`, { cause: e });
  }
  if (!isObj(json)) throw new Error(`${name} is not a tfjs model: it holds a JSON ${Array.isArray(json) ? 'array' : typeof json}, not an object with modelTopology and weightsManifest`);
  if (json.format === 'graph-model') {
    throw new Error(`${name} is a tfjs graph model (format "graph-model", converted from a TensorFlow SavedModel or frozen graph); only Layers models can be imported: save with tf.LayersModel.save() or convert a Keras model with tensorflowjs_converter --output_format=tfjs_layers_model`);
  }
  const topo = json.modelTopology;
  if (!isObj(topo)) {
    if (typeof json.class_name === 'string') {
      throw new Error(`${name} looks like a bare Keras model config (class_name "${json.class_name}", e.g. from model.to_json()) without weights: convert the Keras model with tensorflowjs_converter --output_format=tfjs_layers_model`);
    }
    throw new Error(`${name} does not describe a tfjs Layers model: it has no "modelTopology" object (found keys: ${Object.keys(json).join(', ') || 'none'})`);
  }
  const inner = isObj(topo.model_config) ? topo.model_config : topo;
  const cls = inner.class_name;
  if (typeof cls !== 'string' || !MODEL_CLASSES.includes(cls)) {
    throw new Error(`${name}: modelTopology describes a "${String(cls)}", not a Layers model (expected one of ${MODEL_CLASSES.join(', ')})`);
  }
  const wm = json.weightsManifest;
  if (!Array.isArray(wm)) throw new Error(`${name} has no weightsManifest array: it lists no weight files, so the model has no trained weights`);
  wm.forEach((g: unknown, i: number) => {
    if (!isObj(g) || !Array.isArray(g.paths) || !g.paths.every((p) => typeof p === 'string') || !Array.isArray(g.weights)) {
      throw new Error(`${name}: weightsManifest[${i}] must have "paths" (strings) and "weights"`);
    }
    g.weights.forEach((w: unknown, j: number) => {
      if (!isObj(w) || typeof w.name !== 'string' || !Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0) || typeof w.dtype !== 'string') {
        throw new Error(`${name}: weightsManifest[${i}].weights[${j}] needs a name, an integer shape and a dtype`);
      }
    });
  });
  return { modelTopology: topo, weightsManifest: wm as tf.io.WeightsManifestConfig };
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };
const QUANT_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/** Bytes one manifest entry takes in the weight files. */
export function entryBytes(e: tf.io.WeightsManifestEntry): number {
  const n = e.shape.reduce((a, b) => a * b, 1);
  if (e.quantization) {
    const q = QUANT_BYTES[e.quantization.dtype];
    if (!q) throw new Error(`weight '${e.name}' uses quantization dtype ${e.quantization.dtype}, which is not supported`);
    return n * q;
  }
  const b = DTYPE_BYTES[e.dtype];
  if (!b) throw new Error(`weight '${e.name}' has dtype ${e.dtype}, which is not supported (float32, int32, bool)`);
  return n * b;
}

/**
 * Finds every weight file the manifest lists and checks its byte count against the weight shapes.
 * Returns the weight specs and the concatenated data in manifest order.
 */
export function collectWeights(json: LayersModelJson, files: readonly NamedFile[]): { specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer } {
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const missing = json.weightsManifest.flatMap((g) => g.paths.map(baseName)).filter((p) => !byName.has(p));
  if (missing.length) {
    throw new Error(`weight file${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} listed in model.json ${missing.length > 1 ? 'are' : 'is'} missing: add ${missing.length > 1 ? 'them' : 'it'} next to model.json`);
  }
  const specs: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  json.weightsManifest.forEach((g, i) => {
    const need = g.weights.reduce((a, w) => a + entryBytes(w), 0);
    const shards = g.paths.map((p) => byName.get(baseName(p)) as NamedFile);
    const have = shards.reduce((a, f) => a + f.bytes.length, 0);
    if (have !== need) {
      const list = shards.map((f) => `'${baseName(f.name)}' ${f.bytes.length} bytes`).join(', ');
      throw new Error(`weight file${shards.length > 1 ? 's' : ''} of group ${i} (${list}) ${have < need ? 'too short' : 'too long'}: the ${g.weights.length} weights listed for ${shards.length > 1 ? 'them' : 'it'} need ${need} bytes, found ${have}. The file may be truncated or from another model`);
    }
    specs.push(...g.weights);
    parts.push(...shards.map((f) => f.bytes));
  });
  const total = parts.reduce((a, p) => a + p.length, 0);
  const data = new Uint8Array(total);
  let off = 0;
  for (const p of parts) { data.set(p, off); off += p.length; }
  return { specs, data: data.buffer };
}
