import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { decodeModel } from '../compress/result/decode';
import { predictClasses } from '../models/evaluate';
import { toLayersModel } from '../models/toLayersModel';
import { readBundle } from './read';
import { writeBundle } from './write';
import { bundleModelIR, exportTfjs } from './tfjs-export';
import { zooModels, zooResult, zooSamples } from './testing/zoo';

/** Loads model.json + weights.bin from memory the way tf.loadLayersModel reads them from disk. */
async function load(files: { path: string; bytes: Uint8Array }[]): Promise<tf.LayersModel> {
  const json = JSON.parse(new TextDecoder().decode(files.find((f) => f.path === 'model.json')?.bytes)) as {
    modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  expect(json.weightsManifest[0].paths).toEqual(['./weights.bin']);
  const w = files.find((f) => f.path === 'weights.bin')?.bytes as Uint8Array;
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) as ArrayBuffer,
  }));
}

describe('tfjs export', () => {
  beforeAll(async () => { await setupWasmBackend(); });
  const result = zooResult(zooModels());
  const bundle = readBundle(writeBundle(result));

  it('decodes the same kernels as the pipeline decodeModel', () => {
    for (const m of result.models) {
      const a = decodeModel(result, m.name);
      const b = bundleModelIR(bundle, m.name);
      expect(b.layers.map((l) => l.name)).toEqual(a.layers.map((l) => l.name));
      a.layers.forEach((l, i) => {
        const o = b.layers[i];
        if ('kernel' in l && 'kernel' in o) {
          expect(o.kernel.shape).toEqual(l.kernel.shape);
          expect(Array.from(o.kernel.data)).toEqual(Array.from(l.kernel.data));
        }
      });
    }
  });

  for (const name of ['img', 'seq', 'vec']) {
    it(`${name}: model.json + weights.bin load back in tfjs and predict as the decoded model`, async () => {
      const files = await exportTfjs(bundle, name);
      expect(files.map((f) => f.path)).toEqual(['model.json', 'weights.bin']);
      const model = await load(files);
      const ir = decodeModel(result, name);
      const { x } = zooSamples(ir, 48, 5);
      const got = await predictClasses(model, x);
      const want = await predictClasses(ir, x);
      expect(Array.from(got)).toEqual(Array.from(want));
      const ref = toLayersModel(ir);
      const out = (m: tf.LayersModel) => tf.tidy(() => (m.predict(tf.tensor(x, [48, ...ir.inputShape])) as tf.Tensor).dataSync() as Float32Array);
      const a = out(model), b = out(ref);
      model.dispose();
      ref.dispose();
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
      expect(worst).toBe(0);
    });
  }
});
