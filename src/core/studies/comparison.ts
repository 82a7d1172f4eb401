/**
 * The comparison rule, the one place it is stated: every method row of the comparison table (the app's
 * Trade-offs step and `yono compare` alike) is its preset's own recipe — grouping, normalization, keep rule,
 * plain or data-aware codebooks, the allocation's formats, correction, codebook pruning, scale coding,
 * recovery on or off and what it tunes, distillation, codeword fine-tuning (the `recipe` settings of
 * core/settings/schema.ts) — run with the user's shared settings: seed, budget and margin, KL threshold,
 * flash-size target (presets with an allocation), effort and sample sizes, and the d and K of every codebook
 * group the preset uses (the `shared` settings), and with the user's arithmetic (`activations`), so that the
 * rows compare methods under the arithmetic that ships — except the float32 row, the uncompressed reference,
 * which stays float. Per-layer overrides are the user's own plan's, never a method row's.
 */
import type { Plan } from '../compress/types';
import { basePreset, presetPlan } from '../compress/plan/presets';
import type { PresetName } from '../compress/plan/presets';
import { SETTINGS } from '../settings/schema';
import type { SettingValues } from '../settings/schema';
import { applySettings, settingsOf } from '../settings/plan';

/** The plan of one comparison row: `preset`'s recipe with the shared settings of the user's plan. */
export function comparisonPlan(preset: PresetName, user: Plan): Plan {
  const base = presetPlan(preset);
  const mine = settingsOf(user);
  const shared: Partial<SettingValues> = {};
  for (const s of SETTINGS) {
    if (s.scope !== 'shared' || mine[s.key] === undefined) continue;
    if (s.kind.type === 'group' && base.groups[s.key] === undefined) continue; // a group this preset does not use
    if (s.usedBy && !s.usedBy(base)) continue; // a setting this preset's recipe does not use
    if (s.key === 'activations' && base.defaultFormat === 'float32') continue; // the float reference stays float
    (shared as Record<string, unknown>)[s.key] = mine[s.key];
  }
  return applySettings(base, shared);
}

/** True when a run of this plan needs the train split (calibration, int8 activations, correction, fine-tuning). */
export { planNeedsTrain as needsTrain } from '../compress/plan/needs';

/** JSON of a value with object keys sorted (a canonical form for comparing plans). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** True when two plans ask for the same run (key order and the edit mark `*` of their name aside). */
export function samePlan(a: Plan, b: Plan): boolean {
  return canonical({ ...a, preset: basePreset(a.preset) }) === canonical({ ...b, preset: basePreset(b.preset) });
}

/**
 * The presets of `presets` whose comparison plan (for the user's plan `user`) is exactly `ran`, the plan
 * of an existing result over the same models: their row can be taken from that result instead of a new run.
 */
export function presetsMatching(presets: PresetName[], user: Plan, ran: Plan): PresetName[] {
  return presets.filter((p) => samePlan(comparisonPlan(p, user), ran));
}
