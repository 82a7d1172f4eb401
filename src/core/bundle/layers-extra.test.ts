import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { decodeModel } from '../compress/result/decode';
import { fromLayersModel } from '../models/fromLayersModel';
import { inferenceGraph } from '../models/fuseActivations';
import { toLayersModel } from '../models/toLayersModel';
import { branchyModel } from '../models/layers/testing';
import { maxAbsDiff, predictFlat, randomizeWeights } from '../models/testing';
import { createRuntime } from '../mcu/runtime/executor';
import { exportC } from './c/export';
import { OP } from '../program/program';
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

describe('bundle: the Keras-application and TFLite layers', () => {
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

  it('the virtual MCU runs it with the decoded model\'s predictions and the C export takes it (ops from 32)', () => {
    const b = readBundle(bytes);
    const rt = createRuntime(b, 'branchy');
    const ops = new Set(rt.program.ops.map((o) => o.op));
    for (const op of [OP.pad, OP.concat, OP.mul, OP.average, OP.maximum, OP.minimum, OP.upNearest, OP.upBilinear, OP.permute, OP.prelu, OP.rescale]) expect(ops, String(op)).toContain(op);
    const ir = decodeModel(result, 'branchy');
    const ref = toLayersModel(ir);
    const { x } = zooSamples(ir, 6, 9);
    const want = predictFlat(ref, x, 6);
    ref.dispose();
    expect(maxAbsDiff(rt.runBatch(x, 6).outputs, want)).toBeLessThan(1e-5);
    expect(exportC(b).files.find((f) => f.path === 'branchy_data.c')?.text).toMatch(/\.op = 32, /);
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
