// The Cortex-M check in `npm test`: two built-in models (pretrained weights, every kernel stored as shared
// PQ or int8, int8 activations calibrated on their training data), a few real test samples each, the real
// int8 export (yono export-c) built for QEMU's Cortex-M7 and Cortex-M4 and for the host.
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
import { checkInt8ExportOnQemu } from './check-s8';
import { asInt8Result } from '../../core/bundle/testing/zoo-int8';
import { M4, M7 } from './targets';
import { armToolVersions, requireArmTools } from './tools';
import { formatS8Check, formatS8Kinds } from './format-s8';

const work = mkdtempSync(join(tmpdir(), 'yono-qemu-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => { await setupNodeTfjs(); });

describe('the int8 C export on emulated Cortex-M7 (mps2-an500) and Cortex-M4 (mps2-an386)', () => {
  it('runs the real export headless: the host build\'s and the TS int8 runtime\'s outputs bit for bit, instructions counted per layer', async () => {
    requireArmTools();
    const tasks = ['digits', 'keywords'] as const;
    const inputs = await loadCompressInputs(tasks.map((task) => ({ kind: 'builtin' as const, task })));
    const n = 3;
    const res = zooResult(inputs.map((i) => i.ir), 5, [['pq', 'channel'], ['int8', 'none'], ['pq', 'layer']]);
    asInt8Result(res, inputs.map((i) => i.ir), Object.fromEntries(inputs.map((i) => [i.ir.name, i.train!])));
    const samples = Object.fromEntries(inputs.map((i) => [i.ir.name, { x: i.test.x, y: i.test.y, n }]));
    const bundle = readBundle(writeBundle(res, { samples, maxSamples: n }));
    const checks = checkInt8ExportOnQemu(bundle, [...tasks], n, [M7, M4], work);
    console.log(formatS8Check(checks, armToolVersions()));
    console.log(formatS8Kinds(checks, 'm7'));
    for (const m of checks) {
      expect(m.samples).toBe(n);
      expect(m.macs).toBeGreaterThan(1e6);
      expect(m.hostExact, `${m.model}: host build vs TS int8 runtime`).toBe(true);
      for (const t of m.targets) {
        expect(t.fits, `${m.model} fits ${t.machine}'s sizes`).toBe(true);
        expect(t.exactVsHost, `${m.model} on ${t.machine} vs host`).toBe(t.outputs);
        expect(t.exactVsRuntime, `${m.model} on ${t.machine} vs the TS int8 runtime`).toBe(t.outputs);
        expect(t.outputs).toBe(n * (m.model === 'keywords' ? 12 : 10));
        // every layer with MACs is counted in its own region, and the inference is the sum of the layers
        expect(t.ops.filter((o) => o.counts.macs > 0).every((o) => o.insns > o.counts.macs)).toBe(true);
        expect(t.insnsPerMac).toBeGreaterThan(1);
        expect(t.insnsPerMac).toBeLessThan(6);
      }
    }
  }, 300_000);
});
