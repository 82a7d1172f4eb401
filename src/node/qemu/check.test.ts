// The Cortex-M check in `npm test`: two built-in models (pretrained weights, every kernel stored as shared
// PQ or int8), a few real test samples each, built for QEMU's Cortex-M7 and Cortex-M4 and for the host.
// The Arm tools must be there (scripts/ensure-arm-tools.mjs installs them): a missing tool fails this
// test, it never skips. The full per-layer table belongs to `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../core/bundle/read';
import { writeBundle } from '../../core/bundle/write';
import { zooResult } from '../../core/bundle/testing/zoo';
import { loadCompressInputs } from '../compressInputs';
import { setupNodeTfjs } from '../tfjs';
import { checkExportOnQemu } from './check';
import { M4, M7 } from './targets';
import { armToolVersions, requireArmTools } from './tools';
import { formatCheck } from './format';

const work = mkdtempSync(join(tmpdir(), 'yono-qemu-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => { await setupNodeTfjs(); });

describe('the C export on emulated Cortex-M7 (mps2-an500) and Cortex-M4 (mps2-an386)', () => {
  it('runs headless, prints the host build\'s and the TS runtime\'s classes, and its instructions per inference are counted', async () => {
    requireArmTools();
    const tasks = ['digits', 'keywords'] as const;
    const inputs = await loadCompressInputs(tasks.map((task) => ({ kind: 'builtin' as const, task })));
    const n = 3;
    const res = zooResult(inputs.map((i) => i.ir), 5, [['pq', 'channel'], ['int8', 'none'], ['pq', 'layer']]);
    const samples = Object.fromEntries(inputs.map((i) => [i.ir.name, { x: i.test.x, y: i.test.y, n }]));
    const bundle = readBundle(writeBundle(res, { samples, maxSamples: n }));
    const checks = checkExportOnQemu(bundle, [...tasks], n, [M7, M4], work);
    console.log(formatCheck(checks, armToolVersions()));
    for (const m of checks) {
      expect(m.samples).toBe(n);
      expect(m.macs).toBeGreaterThan(1e6);
      const m7 = m.targets.find((t) => t.target === 'm7');
      expect(m7?.fits, `${m.model} fits the STM32F746's sizes`).toBe(true);
      for (const t of m.targets) {
        if (!t.fits) { expect(t.message).toMatch(/RAM|FLASH/); continue; }
        expect(t.sameClassesAsHost, `${m.model} on ${t.machine} vs host`).toBe(true);
        expect(t.sameClassesAsRuntime, `${m.model} on ${t.machine} vs runtime`).toBe(true);
        // same C, same IEEE float32 operations: only the final softmax's expf differs (newlib vs glibc / Math.exp)
        expect(t.worstUlpVsHost).toBeLessThanOrEqual(64);
        expect(t.worstUlpVsRuntime).toBeLessThanOrEqual(64);
        expect(t.outputs).toBe(n * 10 + (m.model === 'keywords' ? n * 2 : 0));
        // every inference is counted, and it is most of the run (start-up and printing are the rest)
        expect(t.insnsPerMac).toBeGreaterThan(1);
        expect(t.symbols.find(([s]) => s === 'yono_run')?.[1]).toBeGreaterThan(0);
        expect(t.inferenceInsns).toBeLessThan(t.symbols.reduce((s, [, c]) => s + c, 0));
      }
    }
  }, 300_000);
});
