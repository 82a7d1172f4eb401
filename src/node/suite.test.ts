// The generalization suite as the CLI reaches it: every suite task's data loads (sizes, CRCs checked by
// the reader), its model is in the models manifest flagged `suite`, and `--models suite` gives inputs whose
// model predicts its test split about as well as the manifest says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUITE_NAMES } from '../core/data/suite';
import { parseModelsManifest } from '../core/models/manifest';
import { evaluate } from '../core/models/evaluate';
import { loadTaskNode } from './data';
import { findModelsDir } from './files';
import { loadCompressInputs, parseModelSpecs } from './compressInputs';
import { setupNodeTfjs } from './tfjs';

beforeAll(async () => {
  await setupNodeTfjs();
});

describe('generalization suite', () => {
  it('`--models digits,suite` names the built-in and every suite task', () => {
    expect(parseModelSpecs('digits,suite')).toEqual([{ kind: 'builtin', task: 'digits' }, ...SUITE_NAMES.map((task) => ({ kind: 'builtin', task }))]);
  });

  it.each(SUITE_NAMES)('%s: data with val and test of at least 1,000 samples', async (name) => {
    const d = await loadTaskNode(name);
    expect(d.name).toBe(name);
    expect(d.val.n).toBeGreaterThanOrEqual(1000);
    expect(d.test.n).toBeGreaterThanOrEqual(1000);
    expect(d.train.n).toBeGreaterThan(d.val.n);
  });

  const manifestPath = join(findModelsDir(), 'manifest.json');
  it.runIf(existsSync(manifestPath)).each(SUITE_NAMES)('%s: model flagged suite, loads and predicts its test split as the manifest says', async (name) => {
    const entry = parseModelsManifest(JSON.parse(readFileSync(manifestPath, 'utf8'))).models.find((m) => m.name === name);
    expect(entry?.suite).toBe(true);
    const [input] = await loadCompressInputs(parseModelSpecs(name));
    const n = 600;
    const size = input.test.x.length / input.test.n;
    const acc = await evaluate(input.ir, input.test.x.subarray(0, n * size), input.test.y.subarray(0, n));
    // 600 samples: the standard error at 90 % is 1.2 pp
    expect(Math.abs(acc - entry!.testAccuracy)).toBeLessThan(0.05);
  });
});
