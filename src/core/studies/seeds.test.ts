import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { compress } from '../compress/pipeline';
import { presetPlan } from '../compress/plan/presets';
import { seedStudy } from './seeds';
import { tinyInput } from '../compress/testing/tinyModels';
import type { CompressInput } from '../compress/input/types';

let inputs: CompressInput[];
beforeAll(async () => {
  await setupNodeTfjs();
  inputs = [await tinyInput('a', 10, 6, 0.3), await tinyInput('b', 20, 6, 0.3)];
}, 60_000);

describe('seedStudy', () => {
  it('runs the plan once per seed and reports what compress reports for that seed', async () => {
    const plan = presetPlan('pq-shared');
    plan.groups = { default: { d: 4, k: 2 }, spatial: { d: 9, k: 2 }, pointwise: { d: 16, k: 2 } };
    plan.keep.minParams = 0;
    const rows = await seedStudy(inputs, plan, [1, 7]);
    expect(rows.map((r) => r.seed)).toEqual([1, 7]);
    for (const row of rows) {
      const r = await compress(inputs, { ...plan, seed: row.seed });
      expect(row.totalBytes).toBe(r.totals.compressedBytes);
      for (const m of r.models) {
        // pp rounded to 2 decimals
        expect(row.testDropPp[m.name]).toBe(Math.round((m.accuracyFloat - m.accuracyCompressed) * 1e4) / 100);
        expect(row.valDropPp[m.name]).toBe(Math.round((m.valAccuracyFloat - m.valAccuracyCompressed) * 1e4) / 100);
        // the drop's standard error comes from the test samples the two models disagree on
        const input = inputs.find((i) => i.ir.name === m.name)!;
        expect(m.testSamples).toBe(input.test.n);
        expect(m.testDisagreement!).toBeGreaterThanOrEqual(Math.abs(m.accuracyFloat - m.accuracyCompressed) - 1e-12);
        expect(row.testDropSePp[m.name]).toBeCloseTo(100 * Math.sqrt(m.testDisagreement! / input.test.n), 10);
      }
      expect(row.withinBudget).toBe(Object.values(row.testDropPp).every((d) => d <= plan.budgetPp));
    }
    // 1-bit codebooks: the seeds' k-means differ, so do the codebooks' outcomes
    expect(rows[0].testDropPp).not.toEqual(rows[1].testDropPp);
  });

  it('needs a seed', async () => {
    await expect(seedStudy(inputs, presetPlan('int8'), [])).rejects.toThrow(/at least one seed/);
  });
});
