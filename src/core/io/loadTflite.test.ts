import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { fromLayersModel } from '../models/fromLayersModel';
import { randomizeWeights } from '../models/testing';
import { writeTflite } from '../tflite/writer/writeTflite';
import { saveModelFiles } from './saveModel';
import { loadModelFiles } from './loadModel';
import { checkTfjsIgnoredOptions } from './tfjsIgnores';
import { utf8Decode, utf8Encode } from '../util/utf8';

describe('loadModelFiles: .tflite and what tfjs cannot evaluate', () => {
  beforeAll(async () => { await setupWasmBackend(); });
  const net = () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 4, activation: 'relu' }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    randomizeWeights(m, 2);
    return m;
  };

  it('a .tflite file among the files is imported as TFLite, named after the file, storedBytes its size', async () => {
    const m = net();
    const bytes = writeTflite(fromLayersModel(m, 'x'));
    m.dispose();
    const loaded = await loadModelFiles([{ name: 'dir/kws.tflite', bytes }, { name: 'x.npy', bytes: new Uint8Array(4) }]);
    expect(loaded.ir.name).toBe('kws');
    expect(loaded.files).toEqual(['kws.tflite']);
    expect(loaded.storedBytes).toBe(bytes.length);
    expect(loaded.model.outputs[0].shape).toEqual([null, 3]);
    loaded.model.dispose();
    await expect(loadModelFiles([{ name: 'bad.tflite', bytes: bytes.subarray(0, 64) }])).rejects.toThrow(/^bad\.tflite: not a valid \.tflite file/);
    await expect(loadModelFiles([{ name: 'a.tflite', bytes }, { name: 'b.tflite', bytes }])).rejects.toThrow(/more than one \.tflite file/);
  });

  it('rejects a Keras ReLU with negative_slope or threshold (tfjs ignores them) naming the layer', async () => {
    const m = net();
    const files = await saveModelFiles(m);
    m.dispose();
    const json = JSON.parse(utf8Decode(files[0].bytes)) as { modelTopology: { config: { layers: Record<string, unknown>[] } } };
    json.modelTopology.config.layers.push({ class_name: 'ReLU', config: { name: 're_lu_7', negative_slope: 0.1, threshold: 0 } });
    expect(() => checkTfjsIgnoredOptions(json.modelTopology as never)).toThrow(/layer 're_lu_7' \(class ReLU\) sets negative_slope = 0\.1, which tfjs-layers 4\.22 ignores/);
    await expect(loadModelFiles([{ name: 'model.json', bytes: utf8Encode(JSON.stringify(json)) }, ...files.slice(1)])).rejects.toThrow(/negative_slope/);
  });

  it('says that tfjs-layers cannot build a layer it does not load (ELU alpha 0.5)', async () => {
    const m = net();
    const files = await saveModelFiles(m);
    m.dispose();
    const json = JSON.parse(utf8Decode(files[0].bytes)) as { modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } } };
    const layers = json.modelTopology.config.layers;
    layers.push({ class_name: 'ELU', config: { name: 'elu_1', alpha: 0.5 } });
    await expect(loadModelFiles([{ name: 'model.json', bytes: utf8Encode(JSON.stringify(json)) }, ...files.slice(1)]))
      .rejects.toThrow(/tfjs-layers 4\.22 cannot build model\.json's modelTopology \(.*alpha.*\)\. YONO evaluates every model with tfjs/);
  });
});
