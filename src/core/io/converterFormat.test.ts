import { beforeAll, describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { predictFlat, randomInput, randomizeWeights, maxAbsDiff } from '../models/testing';
import { toLayersModel } from '../models/toLayersModel';
import { branchyModel } from '../models/layers/testing';
import { utf8Decode } from '../util/utf8';
import { writeConverterFiles } from './converterFormat';
import { loadModelFiles } from './loadModel';

describe('converter-written model.json (several groups and shards, uint8 / uint16 / float16)', () => {
  let model: tf.LayersModel;
  let x: Float32Array;
  let want: Float32Array;
  beforeAll(async () => {
    await setupWasmBackend();
    model = branchyModel();
    randomizeWeights(model, 3);
    x = randomInput(8, [12, 12, 3], 1);
    want = predictFlat(model, x, 8);
  });

  for (const [quantize, bytesPer, tol] of [[undefined, 4, 1e-6], ['float16', 2, 0.05], ['uint16', 2, 0.05], ['uint8', 1, 0.5]] as const) {
    it(`${quantize ?? 'plain'}: loads as tfjs decodes it, its IR predicts as the loaded model, storedBytes is the shards' size`, async () => {
      const files = await writeConverterFiles(model, { quantize, shardBytes: 300 });
      const json = JSON.parse(utf8Decode(files[0].bytes)) as { format: string; modelTopology: { model_config: unknown }; weightsManifest: { paths: string[]; weights: { quantization?: { dtype: string; min?: number; scale?: number } }[] }[] };
      expect(json.format).toBe('layers-model');
      expect(json.modelTopology.model_config).toBeTruthy();
      expect(json.weightsManifest.length).toBeGreaterThan(5); // one group per layer
      expect(json.weightsManifest.some((g) => g.paths.length > 1 && g.paths[1].match(/^group\d+-shard2of\d+\.bin$/))).toBe(true);
      const q = json.weightsManifest.flatMap((g) => g.weights.map((w) => w.quantization?.dtype ?? 'none'));
      expect(new Set(q)).toEqual(new Set([quantize ?? 'none']));
      const loaded = await loadModelFiles(files, 'branchy');
      try {
        expect(loaded.storedBytes).toBe(model.countParams() * bytesPer);
        expect(loaded.storedBytes).toBe(files.slice(1).reduce((s, f) => s + f.bytes.length, 0));
        const fromIr = toLayersModel(loaded.ir);
        expect(maxAbsDiff(predictFlat(fromIr, x, 8), predictFlat(loaded.model, x, 8))).toBeLessThan(1e-6);
        fromIr.dispose();
        expect(maxAbsDiff(predictFlat(loaded.model, x, 8), want)).toBeLessThan(tol);
      } finally {
        loaded.model.dispose();
      }
    });
  }

  it('uint8: the manifest holds the nudged min (0 exactly representable) and the scale', async () => {
    const files = await writeConverterFiles(model, { quantize: 'uint8', groups: 'one' });
    const json = JSON.parse(utf8Decode(files[0].bytes)) as { weightsManifest: { paths: string[]; weights: { name: string; quantization: { min: number; scale: number } }[] }[] };
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0].paths).toEqual(['group1-shard1of1.bin']);
    for (const w of json.weightsManifest[0].weights) {
      const { min, scale } = w.quantization;
      if (min < 0 && min + 255 * scale > 0) expect(Math.abs(-min / scale - Math.round(-min / scale))).toBeLessThan(1e-6);
    }
  });
});
