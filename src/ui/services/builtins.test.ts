import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, previewOf } from './builtins';

type Files = Record<string, unknown>;

function fakeFetch(files: Files) {
  return async (url: string) => {
    if (!(url in files)) return new Response('<!doctype html>', { status: 404, headers: { 'content-type': 'text/html' } });
    return new Response(JSON.stringify(files[url]), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const split = (n: number, counts: number[]) => ({ file: 'x.bin', n, compression: 'none', bytes: 1, crc32: 0, rawBytes: 1, classCounts: counts });
const digitsData = {
  format: 'yono-dataset', version: 1, name: 'digits', modality: 'image', synthetic: false, description: 'Real MNIST.',
  source: 's', inputShape: [28, 28, 1], classNames: ['a', 'b'], x: { dtype: 'uint8', scale: 1 / 255, offset: 0 }, seed: 1,
  splits: { train: split(8, [4, 4]), val: split(1, [1, 0]), test: split(1, [0, 1]) },
};
const models = {
  format: 'yono-models', version: 1,
  models: [{ name: 'digits-cnn', task: 'digits', modality: 'image', params: 1234, macs: 5678, float32Bytes: 4936, testAccuracy: 0.985, path: 'digits/model.json' }],
};

describe('built-in catalogue', () => {
  it('is missing, not an error, when nothing was generated', async () => {
    const cat = await loadBuiltinCatalog(fakeFetch({}), '/');
    expect(cat.status).toBe('missing');
  });

  it('makes a card per task with data, with model figures where a model exists', async () => {
    const cat = await loadBuiltinCatalog(fakeFetch({ '/data/digits/manifest.json': digitsData, '/models/manifest.json': models }), '/');
    if (cat.status !== 'ready') throw new Error('expected ready');
    expect(cat.tasks).toHaveLength(1);
    expect(cat.tasks[0]).toMatchObject({ name: 'digits', modality: 'image', samples: 10, params: 1234, macs: 5678, accuracy: 0.985, modelUrl: '/models/digits/model.json', classes: ['a', 'b'] });
    const noModel = await loadBuiltinCatalog(fakeFetch({ '/data/digits/manifest.json': digitsData }), '/');
    expect(noModel.status === 'ready' && noModel.tasks[0].params).toBeNull();
  });

  it('says which file is broken', async () => {
    await expect(loadBuiltinCatalog(fakeFetch({ '/models/manifest.json': { format: 'nope' } }), '/')).rejects.toThrow(/Models manifest is invalid/);
  });

  it('shapes samples per modality', () => {
    expect(previewOf('image', [28, 28, 1], new Float32Array(784))?.kind).toBe('image');
    expect(previewOf('audio', [49, 40, 1], new Float32Array(1960))).toMatchObject({ kind: 'spectrogram', frames: 49, bands: 40 });
    expect(previewOf('sensor', [128, 3], new Float32Array(384), { sampleRateHz: 50 })).toMatchObject({ kind: 'trace', length: 128, rateHz: 50 });
    expect(previewOf('sensor', [128, 6], new Float32Array(768))).toBeNull();
  });
});
