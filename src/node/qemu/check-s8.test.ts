// The int8 C export (yono export-c of an int8 bundle) against the virtual MCU's int8 runtime: the host build
// (portable C, -Wall -Wextra -Werror) on every stored sample of the zoo's int8 models (every op kind), and the
// Cortex-M7 (mps2-an500) and Cortex-M4 (mps2-an386) builds (__SMLAD path) on a few, with instructions per op.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../tfjs';
import { readBundle } from '../../core/bundle/read';
import { writeBundle } from '../../core/bundle/write';
import type { Bundle } from '../../core/bundle/bundle';
import { INTEGER_CYCLE, zooInt8Result } from '../../core/bundle/testing/zoo-int8';
import { checkInt8ExportOnQemu } from './check-s8';
import { M4, M7 } from './targets';
import { requireArmTools } from './tools';

const work = mkdtempSync(join(tmpdir(), 'yono-check-s8-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let bundle: Bundle;

beforeAll(async () => {
  await setupNodeTfjs();
  const z = zooInt8Result(5, INTEGER_CYCLE);
  bundle = readBundle(writeBundle(z.result, { samples: z.samples, maxSamples: 24 }));
}, 120_000);

describe('int8 C export vs the virtual MCU int8 runtime', () => {
  it('host build (portable C): the same int8 outputs on every stored sample of every zoo model', () => {
    const r = checkInt8ExportOnQemu(bundle, ['img', 'seq', 'vec'], 24, [], join(work, 'host'));
    for (const m of r) {
      expect(m.samples).toBe(24);
      expect(m.hostExact, `${m.model}: host build differs from the TS int8 runtime`).toBe(true);
      expect(m.arenaBytes).toBeGreaterThan(m.activationBytes);
    }
  }, 120_000);

  it('Cortex-M7 and Cortex-M4 builds (__SMLAD): the same int8 outputs, instructions counted per op', () => {
    requireArmTools();
    const r = checkInt8ExportOnQemu(bundle, ['img', 'seq'], 4, [M7, M4], join(work, 'qemu'));
    for (const m of r) {
      for (const t of m.targets) {
        expect(t.fits).toBe(true);
        expect(t.exactVsRuntime, `${m.model} on ${t.machine}`).toBe(t.outputs);
        expect(t.exactVsHost).toBe(t.outputs);
        expect(t.ops.filter((o) => o.counts.macs > 0).every((o) => o.insns > o.counts.macs * 0.5)).toBe(true);
        console.log(`${m.model} on ${t.machine}: ${(t.insnsPerInference / 1e3).toFixed(1)} k insns/inference, ${t.insnsPerMac.toFixed(2)} insns/MAC, .text ${t.text} B`);
      }
    }
  }, 300_000);
});
