import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupNodeTfjs } from '../../src/node/tfjs';
import { zoo } from './architectures';
import { runZoo } from './run';
import type { ZooModelReport } from './run';

// The zoo at small sizes (the same architectures with fewer channels and small inputs); the full-size
// zoo runs in `npm run bench -- --only import`.
describe('import zoo (small sizes)', () => {
  let reports: ZooModelReport[];
  beforeAll(async () => {
    await setupNodeTfjs();
    reports = await runZoo(zoo('small'), { dir: mkdtempSync(join(tmpdir(), 'yono-zoo-test-')), samples: 400, epochs: 6, shardBytes: 4096, compress: true });
  }, 600_000);

  it('trains every architecture to an accuracy well above chance', () => {
    for (const r of reports) expect(r.accuracy, r.name).toBeGreaterThan(0.6);
  });

  it('every converter form (plain, uint8, float16; several groups and shards) imports and its IR predicts exactly as tfjs', () => {
    for (const r of reports) {
      for (const f of r.forms.filter((x) => !x.form.startsWith('tflite'))) {
        expect(f.agreement, `${r.name} ${f.form}`).toBe(1);
        expect(f.maxAbsError, `${r.name} ${f.form}`).toBeLessThan(1e-4);
      }
      const [plain, u8, f16] = r.forms;
      expect(u8.storedBytes).toBeLessThan(plain.storedBytes / 3.9);
      expect(f16.storedBytes).toBe(plain.storedBytes / 2);
    }
  });

  it('TFLite float32 agrees with tfjs on every sample and the int8 full-integer file within 1 %', () => {
    const written = reports.filter((r) => !r.forms.find((f) => f.form === 'tflite-f32')?.skipped);
    expect(written.map((r) => r.name)).toEqual(reports.map((r) => r.name));
    for (const r of written) {
      const f32 = r.forms.find((f) => f.form === 'tflite-f32');
      const i8 = r.forms.find((f) => f.form === 'tflite-int8');
      expect(f32?.agreement, r.name).toBe(1);
      expect(i8?.agreement, r.name).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('compresses every model within the default budget and re-imports it from the tfjs export with the same predictions', () => {
    for (const r of reports) {
      expect(r.compress?.withinBudget, r.name).toBe(true);
      expect(r.compress?.ratio, r.name).toBeGreaterThan(2);
      expect(r.compress?.ratioVsStored, r.name).toBeGreaterThan(r.compress?.ratio ?? Infinity);
      expect(r.reimportAgreement, r.name).toBe(1);
    }
  });

  it('every converter and TFLite form runs on the float virtual MCU with tfjs\' classes, and its C export (host cc -Wall -Wextra -Werror) with the virtual MCU\'s', () => {
    for (const r of reports) {
      expect(r.runtimeBlockers, r.name).toEqual([]);
      for (const f of r.forms) {
        const rt = f.runtime;
        expect(rt?.samples, `${r.name} ${f.form}`).toBe(80);
        expect(rt?.agreement, `${r.name} ${f.form}`).toBe(1);
        expect(rt?.maxAbsLogitError, `${r.name} ${f.form}`).toBeLessThan(1e-4);
        expect(rt?.cAgreement, `${r.name} ${f.form}`).toBe(1);
        expect(rt?.cMaxAbsDiff, `${r.name} ${f.form}`).toBeLessThan(1e-4);
      }
    }
  });

  it('the compressed bundle runs on the virtual MCU with the decoded model\'s classes and in C with the virtual MCU\'s', () => {
    for (const r of reports) {
      expect(r.compressedRuntime?.samples, r.name).toBeGreaterThan(0);
      expect(r.compressedRuntime?.agreement, r.name).toBe(1);
      expect(r.compressedRuntime?.cAgreement, r.name).toBe(1);
    }
  });
});
