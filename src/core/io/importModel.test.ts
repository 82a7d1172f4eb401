import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { randomizeWeights } from '../models/testing';
import type { NamedFile } from './files';
import { saveModelFiles } from './saveModel';
import { loadModelFiles } from './loadModel';
import { importModel } from './importModel';
import { encodeNpy } from './npy';
import { utf8Decode, utf8Encode } from '../util/utf8';

function cnn(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, activation: 'relu', name: 'conv' }),
    tf.layers.flatten({ name: 'flat' }),
    tf.layers.dense({ units: 4, activation: 'softmax', name: 'out' }),
  ] });
}

async function files(shardBytes?: number): Promise<NamedFile[]> {
  const m = cnn();
  randomizeWeights(m, 1);
  const f = await saveModelFiles(m, shardBytes ? { shardBytes } : {});
  m.dispose();
  return f;
}

const editJson = (fs: NamedFile[], edit: (j: Record<string, unknown>) => unknown): NamedFile[] =>
  fs.map((f) => (f.name === 'model.json' ? { name: f.name, bytes: utf8Encode(JSON.stringify(edit(JSON.parse(utf8Decode(f.bytes))))) } : f));

const npy = (name: string, data: Float32Array | Float64Array | Int32Array | Uint8Array, shape: number[]): NamedFile => ({ name, bytes: encodeNpy(data, shape) });

/** Expects a rejection with the message and no tensor left behind. */
async function rejects(p: () => Promise<unknown>, msg: RegExp): Promise<void> {
  const before = tf.memory().numTensors;
  await expect(p()).rejects.toThrow(msg);
  expect(tf.memory().numTensors).toBe(before);
}

beforeAll(async () => {
  await setupWasmBackend();
});

describe('loading model.json + weight shards', () => {
  it('loads a saved model (3 shards) with the same predictions and its IR', async () => {
    const m = cnn();
    randomizeWeights(m, 1);
    const fs = await saveModelFiles(m, { shardBytes: 400 });
    expect(fs.map((f) => f.name)).toEqual(['model.json', 'group1-shard1of3.bin', 'group1-shard2of3.bin', 'group1-shard3of3.bin']);
    const got = await loadModelFiles(fs.map((f) => ({ ...f, name: `some/dir/${f.name}` })), 'mine');
    const x = tf.randomNormal([3, 6, 6, 1], 0, 1, 'float32', 2);
    const a = (m.predict(x) as tf.Tensor).dataSync();
    const b = (got.model.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(got.ir.name).toBe('mine');
    expect(got.ir.layers.map((l) => l.kind)).toEqual(['input', 'conv2d', 'flatten', 'dense']);
    expect(got.files).toEqual(['model.json', 'group1-shard1of3.bin', 'group1-shard2of3.bin', 'group1-shard3of3.bin']);
    got.model.dispose(); m.dispose(); x.dispose();
  });

  it('no model.json / invalid JSON / not a Layers model', async () => {
    const fs = await files();
    await rejects(() => loadModelFiles(fs.slice(1)), /no model\.json among the files \(got: group1-shard1of1\.bin\)/);
    await rejects(() => loadModelFiles([{ name: 'model.json', bytes: utf8Encode('{oops') }]), /model\.json is not valid JSON/);
    await rejects(() => loadModelFiles(editJson(fs, (j) => ({ ...j, format: 'graph-model' }))), /is a tfjs graph model/);
    await rejects(() => loadModelFiles(editJson(fs, (j) => j.modelTopology)), /bare Keras model config \(class_name "Sequential"/);
    await rejects(() => loadModelFiles(editJson(fs, () => ({ hello: 1, world: 2 }))), /no "modelTopology" object \(found keys: hello, world\)/);
    await rejects(() => loadModelFiles(editJson(fs, () => [1, 2])), /holds a JSON array/);
    await rejects(() => loadModelFiles(editJson(fs, (j) => ({ ...j, weightsManifest: undefined }))), /no weightsManifest/);
  });

  it('missing and short weight files name the file and the bytes expected vs. found', async () => {
    const fs = await files(400);
    await rejects(() => loadModelFiles(fs.filter((f) => f.name !== 'group1-shard2of3.bin')), /weight file 'group1-shard2of3\.bin' listed in model\.json is missing/);
    const short = fs.map((f) => (f.name === 'group1-shard3of3.bin' ? { name: f.name, bytes: f.bytes.slice(0, 10) } : f));
    // conv 3*3*1*3 + 3 = 30, dense 48*4 + 4 = 196 -> 226 floats = 904 bytes
    await rejects(() => loadModelFiles(short), /'group1-shard1of3\.bin' 400 bytes, 'group1-shard2of3\.bin' 400 bytes, 'group1-shard3of3\.bin' 10 bytes\) too short: .* need 904 bytes, found 810/);
  });

  it('shape mismatches and unknown weights name the weight', async () => {
    const fs = await files();
    const swapped = editJson(fs, (j) => {
      const w = (j.weightsManifest as { weights: { name: string; shape: number[] }[] }[])[0].weights;
      w.find((e) => e.name === 'out/kernel')!.shape = [4, 48];
      return j;
    });
    await rejects(() => loadModelFiles(swapped), /'out\/kernel': the model needs shape \[48,4\], the weight files hold \[4,48\]/);
    const renamed = editJson(fs, (j) => {
      const w = (j.weightsManifest as { weights: { name: string }[] }[])[0].weights;
      w.find((e) => e.name === 'out/bias')!.name = 'other/bias';
      return j;
    });
    await rejects(() => loadModelFiles(renamed), /'out\/bias' \(shape \[4\]\) is not in the weight files; 'other\/bias' in the weight files matches no layer weight/);
  });

  it('non-finite weights name the layer and the count', async () => {
    const fs = await files();
    const bin = fs[1].bytes.slice();
    const f = new Float32Array(bin.buffer);
    f[0] = NaN; f[5] = Infinity; f[40] = -Infinity; // conv kernel (27) + bias (3) = 30 floats, then dense
    await rejects(() => loadModelFiles([fs[0], { name: fs[1].name, bytes: bin }]), /non-finite values \(NaN or Infinity\): layer 'conv': 2 of 30 values; layer 'out': 1 of 196 values/);
  });

  it('an unsupported layer names the layer and class', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2, name: 'd' }), tf.layers.repeatVector({ n: 2, name: 'rep' })] });
    const fs = await saveModelFiles(m);
    m.dispose();
    await rejects(() => loadModelFiles(fs), /layer 'rep' \(class RepeatVector\) is not supported/);
  });
});

describe('importing a model with NPY evaluation data', () => {
  const x = (n: number) => new Float32Array(n * 36).map((_, i) => Math.sin(i));

  it('reads x.npy and y.npy found among the files (float64 x and int64-free int labels)', async () => {
    const fs = await files();
    const r = await importModel({ files: [...fs, npy('x.npy', Float64Array.from(x(5)), [5, 6, 6, 1]), npy('y.npy', new Uint8Array([0, 1, 2, 3, 0]), [5])] });
    expect(r.numClasses).toBe(4);
    expect(r.data?.xShape).toEqual([5, 6, 6, 1]);
    expect(r.data?.x).toBeInstanceOf(Float32Array);
    expect(Array.from(r.data!.y)).toEqual([0, 1, 2, 3, 0]);
    expect(r.files).toEqual(['model.json', 'group1-shard1of1.bin', 'x.npy', 'y.npy']);
    r.model.dispose();
  });

  it('rejects NPY dtype and shape mismatches, label counts and out-of-range labels, leaving nothing loaded', async () => {
    const fs = await files();
    const y5 = npy('y.npy', new Int32Array([0, 1, 2, 3, 0]), [5]);
    const x5 = npy('x.npy', x(5), [5, 6, 6, 1]);
    const run = (xf: NamedFile, yf: NamedFile) => () => importModel({ files: fs, data: { x: xf, y: yf } });
    await rejects(run(npy('x.npy', new Int32Array(180), [5, 6, 6, 1]), y5), /x\.npy has dtype int32, but the model takes float input/);
    await rejects(run(npy('x.npy', x(5), [5, 36]), y5), /x\.npy has shape \(5, 36\), but the model input is \(n, 6, 6, 1\) \(it is flattened/);
    await rejects(run(npy('x.npy', x(1), [6, 6, 1]), y5), /lacks the batch dimension/);
    await rejects(run(x5, npy('y.npy', new Float32Array(5), [5])), /y\.npy has dtype float32; it must hold integer class ids/);
    await rejects(run(x5, npy('y.npy', new Int32Array(20), [5, 4])), /y\.npy has shape \(5, 4\).*one-hot/);
    await rejects(run(x5, npy('y.npy', new Int32Array(4), [4])), /x\.npy holds 5 samples but y\.npy holds 4 labels/);
    await rejects(run(x5, npy('y.npy', new Int32Array([0, 4, 1, -1, 9]), [5])), /y\.npy: 3 labels are out of range for a model with 4 classes \(valid ids 0\.\.3\); the first is 4 at index 1/);
    await rejects(() => importModel({ files: [...fs, x5] }), /needs both x\.npy and y\.npy; only x\.npy was given/);
    await rejects(run({ name: 'x.npy', bytes: x5.bytes.slice(0, 200) }, y5), /x\.npy: .*truncated/);
  });
});
