/**
 * What a bundle needs to be simulated: its models' counts, measured by the runtime executing the bundle's
 * bytes, and a scenario for exactly those models. Shared by the Virtual MCU step and `yono simulate`.
 */
import type { Bundle } from '../../bundle/bundle';
import { modelNames } from '../../bundle/bundle';
import { createRuntime } from '../runtime/executor';
import { isInt8Model } from '../../bundle/lowered';
import { createInt8Runtime } from '../runtime/int8/runtime';
import { int8ModelCounts } from '../runtime/int8/counts';
import type { ModelCounts } from '../counts';
import { DEFAULT_SCENARIO } from './requests';
import type { PeriodicTask, Scenario } from './types';

/** A periodic task as the scenario editor holds it (scenarioFor staggers the offsets). */
export type ScenarioTask = Pick<PeriodicTask, 'model' | 'periodMs'>;

/** Scenario length: 60 s, or three periods of the slowest task when that is longer (capped at 10 min). */
export function scenarioDuration(tasks: { periodMs: number }[]): number {
  const longest = tasks.reduce((a, t) => Math.max(a, t.periodMs), 0);
  return Math.min(600_000, Math.max(60_000, 3 * longest));
}

/**
 * The scenario to simulate for the bundle's models: the user's tasks (staggered by 250 ms so requests do
 * not arrive together); else the default scenario's tasks for the models it knows, plus every other
 * model every 3 s. Tasks naming models the bundle lacks are an Error saying which.
 */
export function scenarioFor(tasks: ScenarioTask[], models: string[]): Scenario & { kind: 'periodic' } {
  if (tasks.length) {
    const missing = tasks.filter((t) => !models.includes(t.model)).map((t) => t.model);
    if (missing.length) throw new Error(`the scenario asks for ${[...new Set(missing)].join(', ')}, which the compressed models do not include (${models.join(', ')}): edit the scenario or learn the codebook again`);
    const out: PeriodicTask[] = tasks.map((t, i) => ({ model: t.model, periodMs: t.periodMs, offsetMs: (i * 250) % Math.max(1, t.periodMs) }));
    return { kind: 'periodic', durationMs: scenarioDuration(out), tasks: out };
  }
  const def = DEFAULT_SCENARIO.kind === 'periodic' ? DEFAULT_SCENARIO : null;
  const known = (def?.tasks ?? []).filter((t) => models.includes(t.model));
  const others = models.filter((m) => !known.some((t) => t.model === m))
    .map((model, i): PeriodicTask => ({ model, periodMs: 3000, offsetMs: 125 + i * 375 }));
  const all = [...known, ...others];
  return { kind: 'periodic', durationMs: def?.durationMs ?? scenarioDuration(all), tasks: all };
}

/** Counts of every model of the bundle, measured by running it once on the runtime. */
export function bundleCounts(bundle: Bundle): ModelCounts[] {
  return modelNames(bundle).map((n) => (isInt8Model(bundle, n) ? int8ModelCounts(bundle, createInt8Runtime(bundle, n)) : createRuntime(bundle, n).counts()));
}
