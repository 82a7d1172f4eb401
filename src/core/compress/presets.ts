import type { GroupConfig, LayerFormat, Plan, RecoveryConfig } from './types';

/** Names of the built-in presets, in the order of the comparison table. */
export const PRESET_NAMES = ['float32', 'int8', 'pq-per-model', 'pq-shared', 'pq-shared-recovery', 'yono'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Human labels of the presets, as the comparison table prints them. */
export const PRESET_LABELS: Record<PresetName, string> = {
  float32: 'Float32',
  int8: 'Int8 (per-channel)',
  'pq-per-model': 'PQ per model',
  'pq-shared': 'PQ shared',
  'pq-shared-recovery': 'PQ shared + recovery',
  yono: 'YONO',
};

/** True when `s` names a preset. */
export function isPresetName(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}

const RECOVERY_OFF: RecoveryConfig = {
  enabled: false, maxLayers: 3, epochs: 1, batchSize: 32, learningRate: 3e-3, maxTrainSamples: 2048, mStep: 'shadow', distill: false,
  fineTuneCodewords: false,
};

/**
 * The paper's two groups — spatial kernels and 1x1/dense — with d and K measured for MCU-sized models:
 * spatial d = 3 (one kernel row), pointwise d = 4, K = 64 each (2 and 1.5 bits per weight, 1.8 KB of
 * codebooks). The paper's d = 9 / K = 256 (0.9 bit per weight, 9 KB per codebook) lost 10-40 pp on the
 * built-in models before recovery and left the auto-plan little to keep; `--d-spatial 9 --d 8 --k 256`
 * runs it.
 */
const DEFAULT_GROUPS: Record<string, GroupConfig> = {
  default: { d: 4, k: 64 },
  spatial: { d: 3, k: 64 },
  pointwise: { d: 4, k: 64 },
  /** The medium tier (YONO's auto-plan): 3 bits per weight, 512 B. */
  medium: { d: 2, k: 64 },
  /** The fine tier (YONO's auto-plan): 4 bits per weight, 2 KB. */
  fine: { d: 2, k: 256 },
  /** The coarse tier (YONO, layers of 16,384 weights and more): 1 and 0.75 bits per weight. */
  'coarse-spatial': { d: 6, k: 64 },
  'coarse-pointwise': { d: 8, k: 64 },
};

function base(preset: string, defaultFormat: LayerFormat): Plan {
  return {
    // the float32 preset is the float reference; every compressed preset runs int8 arithmetic, what ships
    activations: defaultFormat === 'float32' ? 'float32' : 'int8',
    preset,
    grouping: 'paper',
    groups: Object.fromEntries(Object.entries(DEFAULT_GROUPS).map(([g, c]) => [g, { ...c }])),
    normalization: 'none',
    keep: { minParams: 0, format: 'int8' },
    overrides: {},
    fineTier: false,
    coarseMinParams: 0,
    defaultFormat,
    seed: 1,
    budgetPp: 1.0,
    selectionMarginPp: 0,
    selectionZ: 0,
    recoverableGapPp: 3,
    autoPlan: false,
    selectOn: 'val',
    recovery: { ...RECOVERY_OFF },
    kmeans: { maxIter: 30, tol: 1e-4, init: 'kmeans++' },
    kmeansMaxSamples: 65536,
  };
}

/**
 * A fresh Plan for a preset. Every baseline of the comparison table is one of these, run through the
 * same pipeline:
 * - `float32`: nothing compressed;
 * - `int8`: every weight layer int8, symmetric per output channel;
 * - `pq-per-model`: PQ, codebooks learned per model (paper split inside each model), no heuristics;
 * - `pq-shared`: PQ, the paper's two codebooks shared by all models, no heuristics;
 * - `pq-shared-recovery`: the same plus the EM recovery within the budget;
 * - `yono`: the paper's method: shared codebooks, per-channel normalization, layers under 256 weights kept
 *   int8, layers of 16,384 weights and more starting in a coarse tier (d 6 / d 8, K 64), the EM recovery
 *   with distillation, then the auto-plan (sensitive layers up a ladder: coarse -> their kind's codebook ->
 *   a medium shared codebook (d 2, K 64) -> a fine shared codebook (d 2, K 256) -> int8, as the budget
 *   requires; a model that misses its target that way starts again without the medium rung), judged on the
 *   validation split with one standard error of confidence.
 * Activations: int8 for every preset but `float32` (the float reference): the compressed models are
 * measured with the arithmetic the int8 runtime ships (int8 codebooks with one scale, int32 bias arithmetic on biases stored as int16 + shift);
 * `activations: 'float32'` gives float activations and float16 codebooks instead.
 */
export function presetPlan(name: PresetName): Plan {
  switch (name) {
    case 'float32': return base(name, 'float32');
    case 'int8': return base(name, 'int8');
    case 'pq-per-model': return { ...base(name, 'pq'), grouping: 'per-model' };
    case 'pq-shared': return base(name, 'pq');
    case 'pq-shared-recovery': {
      const p = base(name, 'pq');
      p.recovery.enabled = true;
      return p;
    }
    case 'yono': {
      const p = base(name, 'pq');
      p.normalization = 'channel';
      p.keep = { minParams: 256, format: 'int8' };
      p.autoPlan = true;
      p.fineTier = true;
      p.coarseMinParams = 16384;
      p.selectionZ = 1;
      p.recovery.distill = true;
      p.recovery.enabled = true;
      return p;
    }
  }
}

/**
 * The preset a plan starts from: its `preset` without the trailing `*` an edited plan carries, or `yono`
 * when that names no preset.
 */
export function basePreset(preset: unknown): PresetName {
  const name = String(preset).replace(/\*$/, '');
  return isPresetName(name) ? name : 'yono';
}

/**
 * A copy of `plan` with any missing field (e.g. from a plan saved by an older version) taken from its
 * preset (or `yono` when the preset is unknown). Nested records are filled one level deep.
 */
export function completePlan(plan: Partial<Plan>): Plan {
  const base = presetPlan(basePreset(plan.preset));
  const out = { ...base, ...JSON.parse(JSON.stringify(plan)) } as Plan;
  out.recovery = { ...base.recovery, ...(plan.recovery ?? {}) };
  out.kmeans = { ...base.kmeans, ...(plan.kmeans ?? {}) };
  out.keep = { ...base.keep, ...(plan.keep ?? {}) };
  return out;
}

/**
 * Checks a plan and throws an Error naming the bad field and what to use instead. Returns the plan.
 */
export function validatePlan(plan: Plan): Plan {
  const bad = (what: string): never => { throw new Error(`Invalid plan: ${what}`); };
  if (!['paper', 'single', 'per-model', 'per-layer'].includes(plan.grouping)) {
    bad(`grouping '${plan.grouping}' is unknown; use paper, single, per-model or per-layer`);
  }
  if (!plan.groups.default) bad('groups.default is missing; give it a { d, k }');
  for (const [g, c] of Object.entries(plan.groups)) {
    if (!Number.isInteger(c.d) || c.d < 1 || c.d > 1024) bad(`group '${g}': d must be an integer in 1..1024, got ${c.d}`);
    if (!Number.isInteger(c.k) || c.k < 2 || c.k > 65536) bad(`group '${g}': k must be an integer in 2..65536, got ${c.k}`);
  }
  if (!['none', 'layer', 'channel', 'auto'].includes(plan.normalization)) {
    bad(`normalization '${plan.normalization}' is unknown; use none, layer, channel or auto`);
  }
  if (!['pq', 'int8', 'float32'].includes(plan.defaultFormat)) bad(`defaultFormat '${plan.defaultFormat}' is unknown`);
  if (!['int8', 'float32'].includes(plan.activations)) bad(`activations '${plan.activations}' is unknown; use int8 or float32`);
  if (!['int8', 'float32'].includes(plan.keep.format)) bad(`keep.format must be int8 or float32, got '${plan.keep.format}'`);
  if (!(plan.keep.minParams >= 0)) bad(`keep.minParams must be >= 0, got ${plan.keep.minParams}`);
  for (const [k, f] of Object.entries(plan.overrides)) {
    if (!['pq', 'pq-medium', 'pq-fine', 'int8', 'float32'].includes(f)) bad(`override '${k}' = '${f}'; use pq, pq-medium, pq-fine, int8 or float32`);
    if (!k.includes('/')) bad(`override key '${k}' must be '<model>/<layer>'`);
  }
  if (!Number.isInteger(plan.seed)) bad(`seed must be an integer, got ${plan.seed}`);
  if (!(plan.budgetPp >= 0)) bad(`budgetPp must be >= 0, got ${plan.budgetPp}`);
  if (!(Number.isInteger(plan.coarseMinParams) && plan.coarseMinParams >= 0)) bad(`coarseMinParams must be an integer >= 0 (0 = no coarse tier), got ${plan.coarseMinParams}`);
  if (!(plan.recoverableGapPp >= 0)) bad(`recoverableGapPp must be >= 0, got ${plan.recoverableGapPp}`);
  if (!(plan.selectionZ >= 0)) bad(`selectionZ must be >= 0, got ${plan.selectionZ}`);
  if (!(plan.selectionMarginPp >= 0)) bad(`selectionMarginPp must be >= 0 (it is capped at the budget), got ${plan.selectionMarginPp}`);
  const r = plan.recovery;
  if (!(r.maxLayers >= 0 && r.epochs >= 0 && r.batchSize >= 1 && r.learningRate > 0 && r.maxTrainSamples >= 0)) {
    bad('recovery needs maxLayers >= 0, epochs >= 0, batchSize >= 1, learningRate > 0, maxTrainSamples >= 0');
  }
  if (!(plan.kmeans.maxIter >= 1 && plan.kmeans.tol >= 0)) bad('kmeans needs maxIter >= 1 and tol >= 0');
  if (!(plan.kmeansMaxSamples >= 0)) bad('kmeansMaxSamples must be >= 0');
  return plan;
}
