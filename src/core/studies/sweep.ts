/**
 * The (d, K) sweep of the Trade-offs step: the user's plan with one d and K in every codebook group,
 * without the EM recovery and the auto-plan, so the points show the effect of d and K alone (and a point
 * costs seconds, not minutes).
 */
import type { CancelCheck, ProgressFn } from '../util/progress';
import { compress } from '../compress/pipeline';
import type { CompressInput } from '../compress/input/types';
import type { Plan } from '../compress/types';

/** One point of a (d, K) sweep. */
export interface SweepPoint {
  d: number;
  k: number;
  bytes: number;
  /** Mean test accuracy over the models, [0, 1]. */
  accuracy: number;
}

/** The plan of one sweep point: `base` with (d, K) in every group, no allocation, correction or recovery. */
export function sweepPlan(base: Plan, d: number, k: number): Plan {
  return {
    ...base,
    preset: 'custom',
    defaultFormat: 'pq',
    groups: Object.fromEntries(Object.keys(base.groups).map((g) => [g, { d, k }])),
    formats: [],
    flashBytes: 0,
    correction: false,
    recovery: { ...base.recovery, enabled: false },
  };
}

/** Runs one sweep point: total bytes and mean test accuracy of `sweepPlan(base, d, k)`. */
export async function sweepPoint(
  inputs: CompressInput[], base: Plan, d: number, k: number, opts: { onProgress?: ProgressFn; shouldCancel?: CancelCheck } = {},
): Promise<SweepPoint> {
  const r = await compress(inputs, sweepPlan(base, d, k), opts);
  const accuracy = r.models.reduce((a, m) => a + m.accuracyCompressed, 0) / r.models.length;
  return { d, k, bytes: r.totals.compressedBytes, accuracy };
}
