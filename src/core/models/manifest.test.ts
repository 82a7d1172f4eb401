import { describe, expect, it } from 'vitest';
import { parseModelsManifest } from './manifest';

const good = {
  format: 'yono-models', version: 1,
  models: [{ name: 'digits', task: 'digits', modality: 'image', params: 100, macs: 1000, float32Bytes: 400, testAccuracy: 0.99, path: 'digits/model.json' }],
};

describe('parseModelsManifest', () => {
  it('accepts a valid manifest', () => {
    expect(parseModelsManifest(good).models[0].path).toBe('digits/model.json');
  });
  it('names the bad field', () => {
    expect(() => parseModelsManifest({ ...good, format: 'x' })).toThrow(/format must be "yono-models"/);
    expect(() => parseModelsManifest({ ...good, models: [{ ...good.models[0], macs: -1 }] })).toThrow(/models\[0\]\.macs/);
    expect(() => parseModelsManifest({ ...good, models: [{ ...good.models[0], path: '../x' }] })).toThrow(/relative/);
    expect(() => parseModelsManifest({ ...good, models: [{ ...good.models[0], testAccuracy: 99 }] })).toThrow(/\[0, 1\]/);
    expect(() => parseModelsManifest([])).toThrow(/not a JSON object/);
  });
  it('keeps the suite flag of the generalization suite\'s models and rejects a non-boolean one', () => {
    const m = { ...good, models: [good.models[0], { ...good.models[0], name: 'ecg', task: 'ecg', suite: true }] };
    expect(parseModelsManifest(m).models.map((e) => e.suite)).toEqual([undefined, true]);
    expect(() => parseModelsManifest({ ...good, models: [{ ...good.models[0], suite: 'yes' }] })).toThrow(/models\[0\]\.suite/);
  });
});
