import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { decodeModel } from '../compress/decode';
import { fromLayersModel } from '../models/fromLayersModel';
import { inferenceGraph } from '../models/fuseActivations';
import { toLayersModel } from '../models/toLayersModel';
import { branchyModel } from '../models/layers/testing';
import { maxAbsDiff, predictFlat, randomizeWeights } from '../models/testing';
import { createRuntime } from '../mcu/runtime/executor';
import { exportC } from './c/export';
import { BundleError } from './errors';
import { readBundle } from './read';
import { writeBundle } from './write';
import { exportTfjs } from './tfjs-export';
import { assembleBundle, splitBundle } from './testing/assemble';
import { zooResult, zooSamples } from './testing/zoo';

async function load(files: { path: string; bytes: Uint8Array }[]): Promise<tf.LayersModel> {
  const json = JSON.parse(new TextDecoder().decode(files.find((f) => f.path === 'model.json')?.bytes)) as {
    modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const w = files.find((f) => f.path === 'weights.bin')?.bytes as Uint8Array;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights,
    weightData: w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) as ArrayBuffer }));
}

describe('bundle: layers beyond the runtime', () => {
  let bytes: Uint8Array;
  let result: ReturnType<typeof zooResult>;
  beforeAll(async () => {
    await setupWasmBackend();
    const m = branchyModel();
    randomizeWeights(m, 4);
    const ir = inferenceGraph(fromLayersModel(m, 'branchy'));
    m.dispose();
    result = zooResult([ir]);
    bytes = writeBundle(result, { samples: { branchy: zooSamples(ir, 8) } });
  });

  it('writes, reads and re-exports to tfjs with the predictions of the decoded model', async () => {
    const b = readBundle(bytes);
    const kinds = b.manifest.models[0].layers.map((l) => l.kind);
    expect(kinds).toContain('prelu');
    expect(kinds).toContain('upSample2d');
    const model = await load(await exportTfjs(b, 'branchy'));
    const ir = decodeModel(result, 'branchy');
    const ref = toLayersModel(ir);
    const { x } = zooSamples(ir, 12, 9);
    expect(maxAbsDiff(predictFlat(model, x, 12), predictFlat(ref, x, 12))).toBe(0);
    model.dispose();
    ref.dispose();
  });

  it('the virtual MCU and the C export reject the model naming each layer they cannot run', () => {
    const b = readBundle(bytes);
    for (const run of [() => createRuntime(b, 'branchy'), () => exportC(b)]) {
      let err: unknown;
      try { run(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(BundleError);
      expect((err as BundleError).code).toBe('unsupported');
      expect((err as Error).message).toMatch(/Model 'branchy' cannot run on the virtual MCU and the C runtime yet: layer 'rescale' \(op 'rescale'\), layer 'stem_pad' \(op 'zeroPad2d'\)/);
      expect((err as Error).message).toMatch(/layer 'se_reduce' \(activation 'swish'\)/);
      expect((err as Error).message).toMatch(/They execute the layer kinds dense, .*add with the activations linear, relu/);
    }
  });

  it('rejects a PReLU alpha of the wrong size and an unknown interpolation', () => {
    const p = splitBundle(bytes);
    const m = JSON.parse(p.manifest) as { models: { layers: Record<string, unknown>[] }[] };
    const pr = m.models[0].layers.find((l) => l.kind === 'prelu') as Record<string, unknown>;
    pr.alphaShape = [1, 1, 5];
    expect(() => readBundle(assembleBundle({ ...p, manifest: JSON.stringify(m) }))).toThrow(/PReLU alpha needs 5 values/);
    pr.alphaShape = [1, 1, 4];
    (m.models[0].layers.find((l) => l.kind === 'upSample2d') as Record<string, unknown>).interpolation = 'cubic';
    expect(() => readBundle(assembleBundle({ ...p, manifest: JSON.stringify(m) }))).toThrow(/interpolation/);
  });
});
