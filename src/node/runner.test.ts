import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from './tfjs';
import { nodeRunner } from './runner';
import { compress } from '../core/compress/pipeline';
import { toReport } from '../core/compress/result/report';
import { tinyInput } from '../core/compress/testing/tinyModels';
import { tinyPlan } from '../core/compress/testing/plans';
import type { CompressInput } from '../core/compress/input/types';

let inputs: CompressInput[];
beforeAll(async () => {
  await setupNodeTfjs();
  inputs = [await tinyInput('a', 10, 6, 0.3), await tinyInput('b', 20, 6, 0.3), await tinyInput('c', 30, 6, 0.3)];
}, 60_000);

/** The report without what may differ between two runs of the same plan (times, threads). */
const strip = (r: Awaited<ReturnType<typeof compress>>) => JSON.stringify({ ...toReport(r), timingsMs: null, threads: null });

describe('the Node runner (worker threads)', () => {
  it.each(['yono', 'pq-shared-recovery'] as const)('%s: two threads give the report one thread gives, the same seed the same report', async (preset) => {
    const plan = tinyPlan(preset);
    const serial = await compress(inputs, plan);
    const parallel = await compress(inputs, plan, { runner: nodeRunner(2) });
    expect(parallel.threads).toBe(2);
    expect(serial.threads).toBe(1);
    expect(strip(parallel)).toBe(strip(serial));
    expect(strip(await compress(inputs, plan, { runner: nodeRunner(2) }))).toBe(strip(parallel));
  }, 120_000);

  it('passes a job\'s error back with its message, and rejects bad input before any thread starts', async () => {
    const runner = await nodeRunner(2)(inputs);
    try {
      await expect(runner.map('table', [{ model: 0, plan: tinyPlan('yono'), prepared: null as never, codebooks: [], routes: null }])).rejects.toThrow(/calibration|undefined|null/);
    } finally {
      await runner.dispose();
    }
    const broken = inputs.map((i) => ({ ...i, train: { ...i.train!, x: i.train!.x.slice(0, 640) } }));
    await expect(compress(broken, tinyPlan('yono'), { runner: nodeRunner(2) })).rejects.toThrow(/model 'a': its train split holds 640 values, not 512 rows of 64/);
  }, 60_000);
});
