import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../node/tfjs';
import { writeNamedFiles } from '../../node/files';
import { saveModelFiles } from '../../core/io/saveModel';
import { encodeNpy } from '../../core/io/npy';
import { randomizeWeights } from '../../core/models/testing';
import { evalCommand } from './eval';
import { modelsCommand } from './models';
import { fromLayersModel } from '../../core/models/fromLayersModel';
import { writeTflite } from '../../core/tflite/writer/writeTflite';

let dir = '';
let expected = 0;

beforeAll(async () => {
  await setupNodeTfjs();
  dir = mkdtempSync(join(tmpdir(), 'yono-eval-'));
  const m = tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 4, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 3, activation: 'softmax' }),
  ] });
  randomizeWeights(m, 5);
  await writeNamedFiles(join(dir, 'model'), await saveModelFiles(m));
  const n = 50;
  const x = tf.randomNormal([n, 8, 8, 2], 0, 1, 'float32', 6);
  const pred = (tf.argMax(m.predict(x) as tf.Tensor, -1).dataSync() as Int32Array);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = i % 3; // labels unrelated to the model: accuracy is whatever it is
  let ok = 0;
  for (let i = 0; i < n; i++) if (pred[i] === y[i]) ok++;
  expected = ok / n;
  writeFileSync(join(dir, 'x.npy'), encodeNpy(x.dataSync() as Float32Array, [n, 8, 8, 2]));
  writeFileSync(join(dir, 'y.npy'), encodeNpy(y, [n]));
  writeFileSync(join(dir, 'model.tflite'), writeTflite(fromLayersModel(m, 'm')));
  m.dispose();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const a = vi.spyOn(console, 'log').mockImplementation((s: unknown) => { out.push(String(s)); });
  const b = vi.spyOn(console, 'error').mockImplementation((s: unknown) => { err.push(String(s)); });
  return { out, err, restore: () => { a.mockRestore(); b.mockRestore(); } };
}

describe('yono eval', () => {
  it('reports the same accuracy as tfjs predict + argmax on the NPY data', async () => {
    const c = capture();
    const code = await evalCommand.run(['--model', join(dir, 'model', 'model.json'), '--data', dir, '--json', '--batch', '7']);
    c.restore();
    expect(code).toBe(0);
    const r = JSON.parse(c.out.join('\n'));
    expect(r.samples).toBe(50);
    expect(r.classes).toBe(3);
    expect(r.accuracy).toBe(expected);
    expect(r.correct).toBe(Math.round(expected * 50));
  });

  it('prints a readable line without --json', async () => {
    const c = capture();
    await evalCommand.run(['--model', join(dir, 'model', 'model.json'), '--data', dir]);
    c.restore();
    expect(c.out[0]).toMatch(new RegExp(`accuracy ${(expected * 100).toFixed(2)} % \\(\\d+ / 50 correct, 3 classes; weights stored in \\d+ bytes\\)`));
  });

  it('evaluates a .tflite file of the same network to the same accuracy', async () => {
    const c = capture();
    const code = await evalCommand.run(['--model', join(dir, 'model.tflite'), '--data', dir, '--json']);
    c.restore();
    expect(code).toBe(0);
    const r = JSON.parse(c.out.join('\n'));
    expect(r.accuracy).toBe(expected);
    expect(r.storedBytes).toBe(statSync(join(dir, 'model.tflite')).size);
  });

  it('names a missing data file and a missing model', async () => {
    await expect(evalCommand.run(['--model', join(dir, 'model', 'model.json'), '--data', join(dir, 'model')])).rejects.toThrow(/x\.npy does not exist/);
    await expect(evalCommand.run(['--model', join(dir, 'nope.json'), '--data', dir])).rejects.toThrow(/nope\.json does not exist/);
    await expect(evalCommand.run(['--data', dir])).rejects.toThrow(/--model is required/);
  });
});

describe('yono models', () => {
  it('says how to make the manifest when it does not exist, and lists it when it does', async () => {
    const prev = process.env.YONO_MODELS_DIR;
    process.env.YONO_MODELS_DIR = join(dir, 'no-models');
    let c = capture();
    expect(await modelsCommand.run([])).toBe(1);
    c.restore();
    expect(c.err[0]).toMatch(/no built-in models yet .*npm run pretrain/);
    process.env.YONO_MODELS_DIR = dir;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'yono-models', version: 1, models: [
      { name: 'digits', task: 'digits', modality: 'image', params: 12345, macs: 678901, float32Bytes: 49380, testAccuracy: 0.9876, path: 'digits/model.json' }] }));
    c = capture();
    expect(await modelsCommand.run([])).toBe(0);
    c.restore();
    expect(c.out[0]).toMatch(/digits\s+digits\s+image\s+12,345\s+678,901\s+48\.2\s+98\.76 %/);
    c = capture();
    await modelsCommand.run(['--json']);
    c.restore();
    expect(JSON.parse(c.out[0])[0].params).toBe(12345);
    if (prev === undefined) delete process.env.YONO_MODELS_DIR; else process.env.YONO_MODELS_DIR = prev;
  });
});
