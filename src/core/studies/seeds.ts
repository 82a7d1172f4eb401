import type { CancelCheck, ProgressFn } from '../util/progress';
import { baselineRow, dropPp } from './baselines';
import { compress } from '../compress/pipeline';
import { testDropSePp } from '../compress/result/report';
import type { CompressOptions } from '../compress/pipeline';
import type { CompressInput } from '../compress/input/types';
import type { Plan } from '../compress/types';

/** One run of a seed study: the plan with `seed`, its ratio and every model's drops. */
export interface SeedRow {
  seed: number;
  ratio: number;
  totalBytes: number;
  /** Float minus compressed accuracy on the validation split (what the plan was chosen on), pp. */
  valDropPp: Record<string, number>;
  /** Float minus compressed accuracy on the test split (never seen by the pipeline), pp. */
  testDropPp: Record<string, number>;
  /** Standard error of each test drop, pp (testDropSePp): how far the measured drop may be from the true one. */
  testDropSePp: Record<string, number>;
  /** True when every model's test drop is within the plan's budget. */
  withinBudget: boolean;
  timeMs: number;
}

/**
 * How much a plan's outcome depends on its seed (k-means initialisation, the recovery's sample order):
 * runs the same plan once per seed and reports the ratio and, per model, the drop on the validation split
 * (which every decision saw) next to the drop on the test split. A plan whose test drops swing past the
 * budget from seed to seed is judged on too little validation data.
 */
export async function seedStudy(
  inputs: CompressInput[], plan: Plan, seeds: number[],
  opts: Omit<CompressOptions, 'onProgress' | 'codebooks'> & { onProgress?: ProgressFn; shouldCancel?: CancelCheck } = {},
): Promise<SeedRow[]> {
  if (seeds.length === 0) throw new Error('seed study: give at least one seed');
  const rows: SeedRow[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const r = await compress(inputs, { ...plan, seed: seeds[i] }, {
      ...opts,
      onProgress: opts.onProgress && ((p) => opts.onProgress!({ fraction: (i + p.fraction) / seeds.length, phase: p.phase, message: `seed ${seeds[i]}: ${p.message ?? ''}` })),
    });
    const b = baselineRow(r, `seed ${seeds[i]}`);
    const valDropPp: Record<string, number> = {};
    const testDropSe: Record<string, number> = {};
    for (const m of r.models) {
      valDropPp[m.name] = dropPp(m.valAccuracyFloat, m.valAccuracyCompressed);
      testDropSe[m.name] = testDropSePp(m) ?? NaN;
    }
    rows.push({
      seed: seeds[i], ratio: b.ratio, totalBytes: b.totalBytes, valDropPp, testDropPp: b.dropPp, testDropSePp: testDropSe,
      withinBudget: Object.values(b.dropPp).every((d) => d <= plan.budgetPp + 1e-9), timeMs: b.timeMs,
    });
  }
  return rows;
}
