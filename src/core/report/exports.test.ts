import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { zooModels, zooResult, zooSamples } from '../bundle/testing/zoo';
import { readBundle } from '../bundle/read';
import { exportFile } from './exports';

describe('exportFile', () => {
  const models = zooModels();
  const result = zooResult(models);
  const samples = Object.fromEntries(models.map((m) => [m.name, zooSamples(m, 40)]));
  const extras = { comparison: null, sweep: [], simulation: null };
  const noTfjs = async () => { throw new Error('not used'); };

  it('writes a bundle the reader accepts, with at most 32 samples per model', async () => {
    const f = await exportFile('bundle', result, samples, extras, noTfjs);
    expect(f.fileName).toMatch(/\.yono$/);
    const b = readBundle(f.bytes);
    expect(b.manifest.models.map((m) => m.samples?.count)).toEqual(models.map(() => 32));
  });

  it('zips the C export: runtime, data and main', async () => {
    const f = await exportFile('c', result, samples, extras, noTfjs);
    const files = Object.keys(unzipSync(f.bytes));
    expect(files).toEqual(expect.arrayContaining(['yono-c/yono_runtime.c', 'yono-c/yono_runtime.h', 'yono-c/main.c']));
    expect(strFromU8(unzipSync(f.bytes)['yono-c/main.c'])).toContain('main');
  });

  it('zips one tfjs model per bundle model', async () => {
    const f = await exportFile('tfjs', result, {}, extras, async (_b, m) => [{ path: 'model.json', bytes: new TextEncoder().encode(m) }]);
    expect(Object.keys(unzipSync(f.bytes)).sort()).toEqual(models.map((m) => `yono-tfjs/${m.name}/model.json`).sort());
  });

  it('writes the reports', async () => {
    expect(JSON.parse(strFromU8((await exportFile('report-json', result, {}, extras, noTfjs)).bytes))).toHaveProperty('totals');
    expect(strFromU8((await exportFile('report-csv', result, {}, extras, noTfjs)).bytes)).toMatch(/^scope,model,/);
  });
});
