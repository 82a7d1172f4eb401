/**
 * Plans derived from the user's plan for the comparison table and the (d, K) sweep. Pure.
 */
import type { Plan } from '../../core/compress/types';
import { presetPlan } from '../../core/compress/presets';
import type { PresetName } from '../../core/compress/presets';

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

/** JSON of a value with object keys sorted (a canonical form for comparing plans). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** True when two plans ask for the same run (key order aside). */
export function samePlan(a: Plan, b: Plan): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The presets of `presets` whose comparison plan (user settings on top) is exactly `ran`, the plan of
 * an existing result over the same models: their row can be taken from that result instead of a new run.
 */
export function presetsMatching(presets: PresetName[], base: Plan, ran: Plan): PresetName[] {
  const tweak = comparisonTweak(base);
  return presets.filter((p) => samePlan(tweak(presetPlan(p)), ran));
}
