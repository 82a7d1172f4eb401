import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupNodeTfjs } from './tfjs';
import { writeNamedFiles } from './files';
import { loadCompressInputs, parseModelSpecs } from './compressInputs';
import { saveModelFiles } from '../core/io/saveModel';
import { encodeNpy } from '../core/io/npy';
import { compress } from '../core/compress/pipeline';
import { presetPlan } from '../core/compress/plan/presets';
import { evaluate } from '../core/models/evaluate';
import { blobTask, quickTrain, tinyCnn } from '../core/compress/testing/tinyModels';

let dir: string;
beforeAll(async () => {
  await setupNodeTfjs();
  dir = mkdtempSync(join(tmpdir(), 'yono-compress-'));
  const { model } = tinyCnn(5);
  const data = blobTask(200, 6);
  await quickTrain(model, data, 3);
  await writeNamedFiles(join(dir, 'm'), await saveModelFiles(model));
  await writeNamedFiles(join(dir, 'data'), [
    { name: 'x.npy', bytes: encodeNpy(data.x, [data.n, 8, 8, 1]) },
    { name: 'y.npy', bytes: encodeNpy(Int32Array.from(data.y), [data.n]) },
  ]);
  model.dispose();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compress inputs from files', () => {
  it('parses --models entries and rejects unknown ones', () => {
    expect(parseModelSpecs('digits, a/model.json=b')).toEqual([
      { kind: 'builtin', task: 'digits' }, { kind: 'file', modelJson: 'a/model.json', dataDir: 'b' },
    ]);
    expect(() => parseModelSpecs('cifar')).toThrow(/neither a built-in task/);
    expect(() => parseModelSpecs(',')).toThrow(/empty/);
  });

  it("a user's model.json with x.npy/y.npy goes through the pipeline (60/20/20 seeded split)", async () => {
    const [inp] = await loadCompressInputs(parseModelSpecs(`${join(dir, 'm', 'model.json')}=${join(dir, 'data')}`), { seed: 3 });
    expect([inp.train!.n, inp.val.n, inp.test.n]).toEqual([120, 40, 40]);
    const r = await compress([inp], presetPlan('float32'));
    expect(r.models[0].accuracyCompressed).toBe(await evaluate(inp.ir, inp.test.x, inp.test.y));
    const q = await compress([inp], { ...presetPlan('int8') });
    expect(q.totals.ratio).toBeGreaterThan(2.5);
  });

  it('a user model without data is refused with a hint', async () => {
    await expect(loadCompressInputs(parseModelSpecs(join(dir, 'm', 'model.json')))).rejects.toThrow(/=DATA_DIR/);
  });
});
