import { parseFormat } from './formats';
import type { GroupConfig, LayerFormat, Plan, RecoveryConfig } from '../types';

/** Names of the built-in presets, in the order of the comparison table. */
export const PRESET_NAMES = ['float32', 'int8', 'pq-per-model', 'pq-shared', 'pq-shared-recovery', 'pq-data-aware', 'yono'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Human labels of the presets, as the comparison table prints them. */
export const PRESET_LABELS: Record<PresetName, string> = {
  float32: 'Float32',
  int8: 'Int8 (per-channel)',
  'pq-per-model': 'PQ per model',
  'pq-shared': 'PQ shared',
  'pq-shared-recovery': 'PQ shared + recovery',
  'pq-data-aware': 'PQ shared, data-aware',
  yono: 'YONO',
};

/** True when `s` names a preset. */
export function isPresetName(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}

const RECOVERY_OFF: RecoveryConfig = {
  enabled: false, target: 'layers', maxLayers: 3, epochs: 1, batchSize: 32, learningRate: 3e-3, maxTrainSamples: 2048, mStep: 'shadow', distill: false,
};

/**
 * The paper's two groups — spatial kernels and 1x1/dense — with d and K measured for MCU-sized models:
 * spatial d = 3 (one kernel row), pointwise d = 4, K = 64 each (2 and 1.5 bits per weight). The paper's
 * d = 9 / K = 256 (0.9 bit per weight, 9 KB per codebook) lost 10-40 pp on the built-in models before
 * recovery; `--spatial d9k256 --pointwise d8k256` runs it.
 */
const DEFAULT_GROUPS: Record<string, GroupConfig> = {
  default: { d: 4, k: 64 },
  spatial: { d: 3, k: 64 },
  pointwise: { d: 4, k: 64 },
};

/**
 * YONO's codebook formats (docs/compression-research.md §4, decided on the four built-in models): spatial
 * d 9 / K 256 (0.89 bit per weight) and d 3 / K 64 (2 bits), pointwise d 8 / K 64 (0.75 bit), d 8 / K 256
 * (1 bit) and d 4 / K 256 (2 bits), and two for any kernel, d 2 / K 64 (3 bits) and d 2 / K 256 (4 bits).
 */
export const YONO_FORMATS: readonly string[] = ['s9k256', 's3k64', 'p8k64', 'p8k256', 'p4k256', 'a2k64', 'a2k256'];

/** YONO's selection threshold: KL on the validation inputs, nats (research §4, the built-ins). */
export const YONO_KL_THRESHOLD = 0.015;

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
    defaultFormat,
    seed: 1,
    budgetPp: 1.0,
    selectionMarginPp: 0,
    selectOn: 'val',
    recovery: { ...RECOVERY_OFF },
    kmeans: { maxIter: 30, tol: 1e-4, init: 'kmeans++' },
    kmeansMaxSamples: 65536,
    codebookFit: 'plain',
    formats: [],
    klThreshold: YONO_KL_THRESHOLD,
    flashBytes: 0,
    pruneCodebooks: false,
    correction: false,
    calibrationRows: 512,
    scaleCoding: 'f16',
    layerScales: false,
  };
}

/**
 * A fresh Plan for a preset. Every row of the comparison table is one of these, run through the same
 * pipeline:
 * - `float32`: nothing compressed;
 * - `int8`: every weight layer int8, symmetric per output channel;
 * - `pq-per-model`: PQ, codebooks learned per model (paper split inside each model), no heuristics;
 * - `pq-shared`: PQ, the paper's two codebooks shared by all models (plain k-means, nearest codeword);
 * - `pq-shared-recovery`: the same plus the EM recovery within the budget (the paper's network optimisation);
 * - `pq-data-aware`: the paper's two codebooks, per-unit scales, learned data-aware (k-means weighted by the
 *   layers' input statistics, a GPTVQ round) and assigned by GPTQ with error feedback; no allocation;
 * - `yono`: data-aware codebooks in several formats (YONO_FORMATS) shared by all models, each layer's
 *   format (a codebook or int8) chosen per model by a Lagrangian knapsack on a per-layer KL table, the
 *   smallest allocation whose KL on the validation inputs is at most `klThreshold` and whose validation drop
 *   is within the budget, a per-unit affine correction, codebooks pruned by their bytes; layers under 256
 *   weights int8; unit scales log-coded in one byte.
 * Activations: int8 for every preset but `float32` (the float reference): the compressed models are
 * measured with the arithmetic the int8 runtime ships (int8 codebooks with one scale, biases stored as int16
 * values with a shift per layer); `activations: 'float32'` gives float activations and float16 codebooks.
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
    case 'pq-data-aware': {
      const p = base(name, 'pq');
      p.normalization = 'channel';
      p.codebookFit = 'data-aware';
      return p;
    }
    case 'yono': {
      const p = base(name, 'pq');
      p.normalization = 'channel';
      p.keep = { minParams: 256, format: 'int8' };
      p.codebookFit = 'data-aware';
      p.formats = [...YONO_FORMATS];
      p.pruneCodebooks = true;
      p.correction = true;
      p.scaleCoding = 'log8';
      p.layerScales = true;
      p.recovery = { ...p.recovery, enabled: true, target: 'biases', distill: true, learningRate: 1e-3, epochs: 1, maxTrainSamples: 1024 };
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

/** True when an override names a layer format (`pq`, `int8`, `float32`, or `pq:<format>`). */
export function isOverride(f: string): boolean {
  if (f === 'pq' || f === 'int8' || f === 'float32') return true;
  if (!f.startsWith('pq:')) return false;
  try { parseFormat(f.slice(3)); return true; } catch { return false; }
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
    if (!isOverride(f)) bad(`override '${k}' = '${f}'; use pq, pq:<format> (e.g. pq:a2k256), int8 or float32`);
    if (!k.includes('/')) bad(`override key '${k}' must be '<model>/<layer>'`);
  }
  if (!Number.isInteger(plan.seed)) bad(`seed must be an integer, got ${plan.seed}`);
  if (!(plan.budgetPp >= 0)) bad(`budgetPp must be >= 0, got ${plan.budgetPp}`);
  if (!(plan.selectionMarginPp >= 0)) bad(`selectionMarginPp must be >= 0 (it is capped at the budget), got ${plan.selectionMarginPp}`);
  const r = plan.recovery;
  if (!(r.maxLayers >= 0 && r.epochs >= 0 && r.batchSize >= 1 && r.learningRate > 0 && r.maxTrainSamples >= 0)) {
    bad('recovery needs maxLayers >= 0, epochs >= 0, batchSize >= 1, learningRate > 0, maxTrainSamples >= 0');
  }
  if (!['layers', 'biases'].includes(r.target)) bad(`recovery.target must be layers or biases, got '${r.target}'`);
  if (!(plan.kmeans.maxIter >= 1 && plan.kmeans.tol >= 0)) bad('kmeans needs maxIter >= 1 and tol >= 0');
  if (!(plan.kmeansMaxSamples >= 0)) bad('kmeansMaxSamples must be >= 0');
  if (!['plain', 'data-aware'].includes(plan.codebookFit)) bad(`codebookFit must be plain or data-aware, got '${plan.codebookFit}'`);
  if (!Array.isArray(plan.formats)) bad('formats must be a list of format names');
  const seen = new Set<string>();
  for (const f of plan.formats) {
    let name = '';
    try { name = parseFormat(f).name; } catch (e) { bad((e as Error).message); }
    if (seen.has(name)) bad(`format '${f}' is listed twice`);
    seen.add(name);
  }
  if (plan.formats.length > 0 && plan.grouping !== 'paper' && plan.grouping !== 'single') {
    bad(`an allocation over shared formats needs grouping paper or single, not '${plan.grouping}'`);
  }
  if (!(plan.klThreshold > 0)) bad(`klThreshold must be > 0 nats, got ${plan.klThreshold}`);
  if (!(Number.isInteger(plan.flashBytes) && plan.flashBytes >= 0)) bad(`flashBytes must be an integer >= 0 (0 = per-model budgets), got ${plan.flashBytes}`);
  if (plan.flashBytes > 0 && plan.formats.length === 0) bad('a flash-size target needs an allocation: give formats');
  if (!(Number.isInteger(plan.calibrationRows) && plan.calibrationRows >= 16)) bad(`calibrationRows must be an integer >= 16, got ${plan.calibrationRows}`);
  if (!['f16', 'log8'].includes(plan.scaleCoding)) bad(`scaleCoding must be f16 or log8, got '${plan.scaleCoding}'`);
  return plan;
}
