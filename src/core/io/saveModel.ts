import * as tf from '@tensorflow/tfjs';
import type { NamedFile } from './files';
import { utf8Encode } from '../util/utf8';

/** What `model.save` hands a save handler: topology, weight specs and the weights as one float buffer. */
export async function modelArtifacts(model: tf.LayersModel): Promise<{ artifacts: tf.io.ModelArtifacts; specs: tf.io.WeightsManifestEntry[]; data: Uint8Array }> {
  let art: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    art = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const a = art as unknown as tf.io.ModelArtifacts;
  const wd = a.weightData;
  const parts = wd === undefined ? [] : Array.isArray(wd) ? wd : [wd];
  const all = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let off = 0;
  for (const p of parts) { all.set(new Uint8Array(p), off); off += p.byteLength; }
  return { artifacts: a, specs: a.weightSpecs ?? [], data: all };
}

/**
 * Saves a LayersModel as the files `model.save` writes (`model.json` + `group1-shardKofN.bin`, shards of
 * at most `shardBytes`, 4 MB by default like tfjs), as named byte arrays the caller writes or downloads.
 */
export async function saveModelFiles(model: tf.LayersModel, opts: { shardBytes?: number } = {}): Promise<NamedFile[]> {
  const { artifacts: a, data: all } = await modelArtifacts(model);
  const shard = Math.max(1, opts.shardBytes ?? 4 * 1024 * 1024);
  const count = Math.max(1, Math.ceil(all.length / shard));
  const shards: NamedFile[] = [];
  for (let i = 0; i < count; i++) {
    shards.push({ name: `group1-shard${i + 1}of${count}.bin`, bytes: all.slice(i * shard, Math.min(all.length, (i + 1) * shard)) });
  }
  const json = {
    modelTopology: a.modelTopology,
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy,
    convertedBy: a.convertedBy ?? null,
    weightsManifest: [{ paths: shards.map((s) => `./${s.name}`), weights: a.weightSpecs ?? [] }],
  };
  const text = JSON.stringify(json);
  return [{ name: 'model.json', bytes: utf8Encode(text) }, ...shards];
}
