import type * as tf from '@tensorflow/tfjs';
import { sizeOf } from '../models/shapes';
import { toF16Array } from '../util/f16';
import type { NamedFile } from './files';
import { modelArtifacts } from './saveModel';
import { utf8Encode } from '../util/utf8';

/** Options of `writeConverterFiles`: what `tensorflowjs_converter` was asked for. */
export interface ConverterOptions {
  /** `--quantize_uint8` / `--quantize_uint16` / `--quantize_float16` (all float32 weights); default none. */
  quantize?: 'uint8' | 'uint16' | 'float16';
  /** `--weight_shard_size_bytes` (default 4 MiB, the converter's). */
  shardBytes?: number;
  /** One weight group per layer, as the converter writes a Keras model (default), or all in one group. */
  groups?: 'per-layer' | 'one';
}

/** The converter's affine quantisation (tfjs-converter quantization.py): min nudged so that 0 is exact. */
function affine(d: Float32Array, dtype: 'uint8' | 'uint16'): { q: Uint8Array | Uint16Array; min: number; scale: number } {
  const qmax = dtype === 'uint8' ? 255 : 65535;
  let lo = Infinity, hi = -Infinity;
  for (const v of d) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const q = dtype === 'uint8' ? new Uint8Array(d.length) : new Uint16Array(d.length);
  if (lo === hi) return { q, min: lo, scale: 1 };
  const scale = (hi - lo) / qmax;
  let min = lo, max = hi;
  if (lo <= 0 && 0 <= hi) { min = -Math.round(-lo / scale) * scale; max = qmax * scale + min; }
  for (let i = 0; i < d.length; i++) q[i] = Math.round((Math.min(max, Math.max(min, d[i])) - min) / scale);
  return { q, min, scale };
}

/** The topology as a converted Keras file holds it: `{keras_version, backend, model_config: {class_name, config}}`. */
function kerasTopology(t: tf.io.ModelArtifacts['modelTopology']): object {
  const o = (t ?? {}) as Record<string, unknown>;
  if (o.model_config) return o;
  const { keras_version: kv, backend, ...config } = o;
  return { keras_version: kv ?? '2.15.0', backend: backend ?? 'tensorflow', model_config: config };
}

/**
 * The files `tensorflowjs_converter --output_format=tfjs_layers_model` writes for a model, byte for byte
 * in its layout: `model.json` (format `layers-model`, the Keras topology, a weights manifest) and weight
 * groups `group{g}-shard{k}of{n}.bin`, each group's weights concatenated and cut into shards of
 * `shardBytes`; with quantisation, float32 weights stored as uint8/uint16 with `{min, scale, dtype,
 * original_dtype}` (affine, min nudged so that 0 is exact, as the converter's quantization.py does) or as
 * float16 with `{dtype: 'float16'}`. For tests and the zoo: files as users bring them.
 */
export async function writeConverterFiles(model: tf.LayersModel, opts: ConverterOptions = {}): Promise<NamedFile[]> {
  const { artifacts, specs, data } = await modelArtifacts(model);
  const shard = opts.shardBytes ?? 4 * 1024 * 1024;
  type Entry = { spec: tf.io.WeightsManifestEntry; bytes: Uint8Array };
  const entries: Entry[] = [];
  let off = 0;
  for (const s of specs) {
    const n = sizeOf(s.shape);
    const raw = data.slice(off, off + 4 * n);
    off += 4 * n;
    const f = new Float32Array(raw.buffer);
    const q = opts.quantize;
    if (!q || s.dtype !== 'float32') { entries.push({ spec: { name: s.name, shape: s.shape, dtype: s.dtype }, bytes: raw }); continue; }
    if (q === 'float16') {
      const h = toF16Array(f, s.name);
      entries.push({ spec: { name: s.name, shape: s.shape, dtype: 'float32', quantization: { dtype: 'float16' } }, bytes: new Uint8Array(h.buffer) });
      continue;
    }
    const a = affine(f, q);
    entries.push({ spec: { name: s.name, shape: s.shape, dtype: 'float32', quantization: { dtype: q, min: a.min, scale: a.scale, original_dtype: 'float32' } as tf.io.WeightsManifestEntry['quantization'] },
      bytes: new Uint8Array(a.q.buffer) });
  }
  const layerOf = (name: string) => name.slice(0, Math.max(0, name.lastIndexOf('/'))) || name;
  const groups: Entry[][] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last && (opts.groups === 'one' || layerOf(last[0].spec.name) === layerOf(e.spec.name))) last.push(e);
    else groups.push([e]);
  }
  const files: NamedFile[] = [];
  const manifest = groups.map((g, gi) => {
    const all = new Uint8Array(g.reduce((s, e) => s + e.bytes.length, 0));
    let o = 0;
    for (const e of g) { all.set(e.bytes, o); o += e.bytes.length; }
    const count = Math.max(1, Math.ceil(all.length / shard));
    const paths: string[] = [];
    for (let k = 0; k < count; k++) {
      const name = `group${gi + 1}-shard${k + 1}of${count}.bin`;
      paths.push(name);
      files.push({ name, bytes: all.slice(k * shard, (k + 1) * shard) });
    }
    return { paths, weights: g.map((e) => e.spec) };
  });
  const json = { format: 'layers-model', generatedBy: 'keras v2.15.0', convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: kerasTopology(artifacts.modelTopology), weightsManifest: manifest };
  return [{ name: 'model.json', bytes: utf8Encode(JSON.stringify(json)) }, ...files];
}
