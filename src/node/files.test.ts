import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from './tfjs';
import { findModelsDir, readModelFiles, readNpyDir, writeNamedFiles } from './files';
import { findDataDir, loadTaskNode } from './data';
import { saveModelFiles } from '../core/io/saveModel';
import { loadModelFiles } from '../core/io/loadModel';
import { toLayersModel } from '../core/models/toLayersModel';
import { foldBatchNorm } from '../core/models/foldBatchNorm';
import { parseModelsManifest } from '../core/models/manifest';
import { countMacs, countParams, float32Bytes } from '../core/models/stats';
import { maxAbsDiff } from '../core/models/testing';
import type { TaskName } from '../core/data/types';

let dir = '';
beforeAll(async () => {
  await setupNodeTfjs();
  dir = mkdtempSync(join(tmpdir(), 'yono-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Node model-file helpers', () => {
  it('readModelFiles reads model.json and the shards it lists, leaving missing ones to the core loader', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [300], units: 20 })] });
    await writeNamedFiles(join(dir, 'm'), await saveModelFiles(m, { shardBytes: 10000 }));
    m.dispose();
    const files = await readModelFiles(join(dir, 'm', 'model.json'));
    expect(files.map((f) => f.name)).toEqual(['model.json', 'group1-shard1of3.bin', 'group1-shard2of3.bin', 'group1-shard3of3.bin']);
    rmSync(join(dir, 'm', 'group1-shard2of3.bin'));
    const partial = await readModelFiles(join(dir, 'm', 'model.json'));
    await expect(loadModelFiles(partial)).rejects.toThrow(/'group1-shard2of3\.bin' listed in model\.json is missing/);
    writeFileSync(join(dir, 'bad.json'), '{nope');
    expect((await readModelFiles(join(dir, 'bad.json'))).length).toBe(1);
    await expect(readNpyDir(join(dir, 'm'))).rejects.toThrow(/x\.npy does not exist/);
  });
});

/** The built-in models written by `npm run pretrain`, when present. */
const modelsDir = findModelsDir();
const manifestPath = join(modelsDir, 'manifest.json');
const builtins = existsSync(manifestPath) ? parseModelsManifest(JSON.parse(await readFile(manifestPath, 'utf8'))).models : [];

describe.skipIf(builtins.length === 0)('built-in models (public/models)', () => {
  for (const entry of builtins) {
    it(`${entry.name}: IR round trip and batch-norm folding keep the predictions on test inputs; manifest figures match`, async () => {
      const files = await readModelFiles(join(modelsDir, entry.path));
      const { model, ir } = await loadModelFiles(files, entry.name);
      const d = existsSync(join(findDataDir(), entry.task)) ? await loadTaskNode(entry.task as TaskName) : null;
      const n = 64;
      const row = ir.inputShape.reduce((a, b) => a * b, 1);
      const x = d ? d.test.x.subarray(0, n * row) : tf.tidy(() => tf.randomNormal([n * row], 0, 1, 'float32', 1).dataSync() as Float32Array);
      const xt = tf.tensor(x, [n, ...ir.inputShape]);
      const ref = (model.predict(xt) as tf.Tensor).dataSync();
      const back = toLayersModel(ir);
      const folded = toLayersModel(foldBatchNorm(ir));
      expect(maxAbsDiff((back.predict(xt) as tf.Tensor).dataSync(), ref)).toBeLessThan(1e-5);
      expect(maxAbsDiff((folded.predict(xt) as tf.Tensor).dataSync(), ref)).toBeLessThan(1e-5);
      const deployed = foldBatchNorm(ir);
      expect(countParams(deployed)).toBe(entry.params);
      expect(countMacs(deployed).total).toBe(entry.macs);
      expect(float32Bytes(deployed)).toBe(entry.float32Bytes);
      expect(entry.params).toBeGreaterThanOrEqual(20_000);
      expect(entry.params).toBeLessThanOrEqual(300_000);
      tf.dispose([xt]);
      model.dispose(); back.dispose(); folded.dispose();
    });
  }
});
