/**
 * Plans derived from the user's plan for the comparison table and the (d, K) sweep. Pure.
 */
import type { Plan } from '../../core/compress/types';

/** True when a run of this plan fine-tunes (so it needs the train split). */
export const needsTrain = (p: Plan): boolean => p.recovery.enabled;

/**
 * The settings every row of the comparison shares with the user's plan: seed, budget, d and K, k-means
 * effort and recovery effort. Each preset keeps what defines it (formats, grouping, normalization,
 * whether recovery and the auto-plan run).
 */
export function comparisonTweak(base: Plan): (p: Plan) => Plan {
  return (p) => ({
    ...p,
    seed: base.seed,
    budgetPp: base.budgetPp,
    groups: Object.fromEntries(Object.entries({ ...p.groups, ...base.groups }).map(([g, c]) => [g, { ...c }])),
    kmeans: { ...base.kmeans },
    kmeansMaxSamples: base.kmeansMaxSamples,
    recovery: {
      ...p.recovery,
      maxLayers: base.recovery.maxLayers, epochs: base.recovery.epochs, batchSize: base.recovery.batchSize,
      learningRate: base.recovery.learningRate, maxTrainSamples: base.recovery.maxTrainSamples,
    },
  });
}

/**
 * The plan of one sweep point: the user's plan with (d, K) in every group, without the EM recovery and
 * the auto-plan, so the points show the effect of d and K alone (and a point costs seconds, not minutes).
 */
export function sweepPlan(base: Plan, d: number, k: number): Plan {
  return {
    ...base,
    preset: 'custom',
    defaultFormat: 'pq',
    groups: Object.fromEntries(Object.keys(base.groups).map((g) => [g, { d, k }])),
    autoPlan: false,
    recovery: { ...base.recovery, enabled: false, fineTuneCodewords: false },
  };
}
