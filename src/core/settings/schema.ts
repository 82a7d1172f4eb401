/**
 * Every setting of a compression plan, once: its type and range, its key in a shared link (URL hash), its
 * command-line flag, what it means, whether the rows of the method comparison share it, and where it lives
 * in a `Plan`. The URL codec (`params.ts`), the CLI flags and their help (`flags.ts`), the comparison rule
 * (`core/studies/comparison.ts`) and the UI's plan editor all derive from this list. A setting's default is
 * its value in the preset the plan starts from (`presetPlan`).
 *
 * Changing this list changes links and saved work: bump SETTINGS_VERSION and add a step to `migrate.ts`.
 */
import type { Activations, CodebookFit, GroupConfig, GroupingRule, Normalization, Plan, ScaleCoding } from '../compress/types';
import { PRESET_NAMES, basePreset } from '../compress/plan/presets';
import type { PresetName } from '../compress/plan/presets';

/**
 * The version of the settings (links carry it as `v=`, saved work in its record). 1: links and saved work
 * before this list existed (d and K as `d=3,4&k=64,64` lists per grouping row); 2: this list; 3: the
 * `activations` setting (int8 / float32; everything older ran float32); 4: the tier ladder (coarse, medium
 * and fine codebooks, auto-plan, confidence) replaced by the allocation's formats, KL threshold, flash-size
 * target, calibration rows, correction and data-aware codebooks.
 */
export const SETTINGS_VERSION = 4;

/** The value of every setting; a partial record leaves the missing ones at the preset's value. */
export interface SettingValues {
  preset: PresetName;
  grouping: GroupingRule;
  spatial: GroupConfig;
  pointwise: GroupConfig;
  shared: GroupConfig;
  normalization: Normalization;
  activations: Activations;
  seed: number;
  budget: number;
  margin: number;
  keepUnder: number;
  codebookFit: CodebookFit;
  formats: string[];
  klThreshold: number;
  flashBytes: number;
  calibrationRows: number;
  correction: boolean;
  pruneCodebooks: boolean;
  scaleCoding: ScaleCoding;
  layerScales: boolean;
  recovery: boolean;
  recoveryTarget: 'layers' | 'biases';
  recoveryLayers: number;
  epochs: number;
  trainSamples: number;
  distill: boolean;
  kmeansIter: number;
  kmeansSamples: number;
}

export type SettingKey = keyof SettingValues;

/** Ranges of a group's d and K (as the pipeline's validatePlan allows, capped for the UI's inputs). */
export const GROUP_LIMITS = { d: { min: 1, max: 64 }, k: { min: 2, max: 65536 } } as const;

/** How a setting's value is typed, checked and written as text. */
export type SettingKind =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  /** `1` / `0` in links; `--flag` / `--no-flag` on the command line. */
  | { type: 'bool' }
  /** d and K of a codebook group, written `d<d>k<K>` (e.g. `d3k64`); d and K within GROUP_LIMITS. */
  | { type: 'group' }
  /** Codebook formats, written `s9k256,p8k64,...` (plan/formats.ts); `none` for no allocation. */
  | { type: 'formats' };

/**
 * What the comparison rows do with a setting: `shared` = every method row runs with the user's value
 * (seed, budget, effort, d and K); `recipe` = part of what defines a method, each row keeps its preset's.
 */
export type SettingScope = 'shared' | 'recipe';

/** One setting. `get` is undefined for a group the plan does not have. */
export interface Setting<K extends SettingKey = SettingKey> {
  key: K;
  /** Key in a shared link. */
  url: string;
  /** Command-line flag, without `--`. */
  flag: string;
  /** What it means, one line (the CLI help prints it). */
  doc: string;
  kind: SettingKind;
  scope: SettingScope;
  /** The value in a plan. */
  get(plan: Plan): SettingValues[K] | undefined;
  /** A copy of `plan` with the value set. */
  set(plan: Plan, value: SettingValues[K]): Plan;
  /**
   * False for a plan that does not use the setting (a `shared` setting then stays out of that plan's
   * comparison row, e.g. a flash-size target for a preset without an allocation). Default: every plan.
   */
  usedBy?(plan: Plan): boolean;
}

type AnySetting = { [K in SettingKey]: Setting<K> }[SettingKey];

const group = (key: 'spatial' | 'pointwise' | 'shared', doc: string): Setting<typeof key> => ({
  key, url: key, flag: key, doc, kind: { type: 'group' }, scope: 'shared',
  get: (p) => (p.groups[key] ? { d: p.groups[key].d, k: p.groups[key].k } : undefined),
  set: (p, v) => ({ ...p, groups: { ...p.groups, [key]: { d: v.d, k: v.k } } }),
});

const recovery = <K extends SettingKey, F extends keyof Plan['recovery']>(key: K, field: F, s: Omit<Setting<K>, 'key' | 'get' | 'set'>): Setting<K> => ({
  key, ...s,
  get: (p) => p.recovery[field] as unknown as SettingValues[K],
  set: (p, v) => ({ ...p, recovery: { ...p.recovery, [field]: v } }),
});

const field = <K extends SettingKey, F extends keyof Plan>(key: K, f: F, s: Omit<Setting<K>, 'key' | 'get' | 'set'>): Setting<K> => ({
  key, ...s,
  get: (p) => p[f] as unknown as SettingValues[K],
  set: (p, v) => ({ ...p, [f]: v }),
});

/** Every setting, in the order links and the CLI help list them. */
export const SETTINGS: readonly AnySetting[] = [
  {
    key: 'preset', url: 'preset', flag: 'preset', scope: 'recipe', kind: { type: 'enum', values: PRESET_NAMES },
    doc: 'the method to start from; every other setting defaults to its value',
    get: (p) => basePreset(p.preset), set: (p, v) => ({ ...p, preset: v }),
  },
  field('grouping', 'grouping', { url: 'group', flag: 'grouping', scope: 'recipe', kind: { type: 'enum', values: ['paper', 'single', 'per-model', 'per-layer'] },
    doc: 'which codebook a layer goes to: paper (3×3 vs 1×1/dense, shared) | single | per-model | per-layer' }),
  group('spatial', 'd and K of the codebook of 3×3, depthwise and conv1d kernels'),
  group('pointwise', 'd and K of the codebook of 1×1 convolutions and dense layers'),
  group('shared', 'd and K of the one codebook of the single grouping'),
  field('normalization', 'normalization', { url: 'norm', flag: 'norm', scope: 'recipe', kind: { type: 'enum', values: ['none', 'layer', 'channel', 'auto'] },
    doc: 'scaling before clustering: none | layer | channel | auto' }),
  field('activations', 'activations', { url: 'act', flag: 'activations', scope: 'shared', kind: { type: 'enum', values: ['int8', 'float32'] },
    doc: 'arithmetic the models run and are measured with: int8 (int8 activations and codebooks, int32 bias arithmetic on int16-stored biases) | float32' }),
  field('seed', 'seed', { url: 'seed', flag: 'seed', scope: 'shared', kind: { type: 'int', min: 0, max: 0xffffffff },
    doc: 'seed of every random choice (k-means init, data order): same seed, same result' }),
  field('budget', 'budgetPp', { url: 'budget', flag: 'budget', scope: 'shared', kind: { type: 'number', min: 0, max: 100 },
    doc: 'per-model accuracy budget, percentage points' }),
  field('margin', 'selectionMarginPp', { url: 'margin', flag: 'margin', scope: 'shared', kind: { type: 'number', min: 0, max: 100 },
    doc: 'aim this far (pp) inside the budget on the validation split' }),
  {
    key: 'keepUnder', url: 'keep', flag: 'keep-under', scope: 'recipe', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'layers with fewer weights stay int8',
    get: (p) => p.keep.minParams, set: (p, v) => ({ ...p, keep: { ...p.keep, minParams: v } }),
  },
  field('codebookFit', 'codebookFit', { url: 'fit', flag: 'fit', scope: 'recipe', kind: { type: 'enum', values: ['plain', 'data-aware'] },
    doc: 'codebooks and assignment: plain (k-means on weights, nearest codeword) or data-aware (input-weighted k-means, GPTQ)' }),
  {
    key: 'formats', url: 'formats', flag: 'formats', scope: 'recipe', kind: { type: 'formats' },
    doc: 'codebook formats the per-layer allocation chooses from (s/p/a = spatial/pointwise/any, d, K); none = no allocation',
    get: (p) => p.formats.slice(), set: (p, v) => ({ ...p, formats: v.slice() }),
  },
  field('klThreshold', 'klThreshold', { url: 'kl', flag: 'kl', scope: 'shared', kind: { type: 'number', min: 0.0001, max: 10 },
    doc: 'the allocation passes when the KL to the float model on validation inputs is at most this (nats)' }),
  {
    ...field('flashBytes', 'flashBytes', { url: 'flash', flag: 'flash', scope: 'shared', kind: { type: 'int', min: 0, max: 1e9 },
      doc: 'fit all models in this many bytes instead of a per-model budget (0 = per-model budgets)' }),
    usedBy: (p: Plan) => p.formats.length > 0,
  },
  field('calibrationRows', 'calibrationRows', { url: 'calib', flag: 'calibration-rows', scope: 'shared', kind: { type: 'int', min: 16, max: 100000 },
    doc: 'training rows of the calibration (input statistics, per-layer loss, correction)' }),
  field('correction', 'correction', { url: 'correct', flag: 'correction', scope: 'recipe', kind: { type: 'bool' },
    doc: 'per-unit affine correction after assignment (scale into the unit scale, shift into the bias)' }),
  field('pruneCodebooks', 'pruneCodebooks', { url: 'prune', flag: 'prune-codebooks', scope: 'recipe', kind: { type: 'bool' },
    doc: 'drop a codebook whose bytes buy less than they cost' }),
  field('scaleCoding', 'scaleCoding', { url: 'scales', flag: 'scale-coding', scope: 'recipe', kind: { type: 'enum', values: ['f16', 'log8'] },
    doc: 'per-unit scales of PQ layers: f16 (2 bytes) or log8 (1 byte, log-coded)' }),
  field('layerScales', 'layerScales', { url: 'lscales', flag: 'layer-scales', scope: 'recipe', kind: { type: 'bool' },
    doc: 'the allocation may also store a layer with one scale instead of one per unit, where that saves bytes' }),
  recovery('recovery', 'enabled', { url: 'recovery', flag: 'recovery', scope: 'recipe', kind: { type: 'bool' },
    doc: 'the recovery: fine-tune with the codebooks fixed (EM on layers, or biases after the allocation)' }),
  recovery('recoveryTarget', 'target', { url: 'rtarget', flag: 'recovery-target', scope: 'recipe', kind: { type: 'enum', values: ['layers', 'biases'] },
    doc: 'what the recovery fine-tunes: layers (EM rounds, re-assigned) or biases' }),
  recovery('recoveryLayers', 'maxLayers', { url: 'rlayers', flag: 'recovery-layers', scope: 'shared', kind: { type: 'int', min: 0, max: 64 },
    doc: 'EM rounds (layers) per model' }),
  recovery('epochs', 'epochs', { url: 'epochs', flag: 'epochs', scope: 'shared', kind: { type: 'int', min: 0, max: 1000 },
    doc: 'fine-tuning epochs per EM round' }),
  recovery('trainSamples', 'maxTrainSamples', { url: 'rows', flag: 'train-samples', scope: 'shared', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'training rows per epoch (0 = all)' }),
  recovery('distill', 'distill', { url: 'distill', flag: 'distill', scope: 'recipe', kind: { type: 'bool' },
    doc: 'fine-tune towards the float model\'s outputs instead of the labels' }),
  {
    key: 'kmeansIter', url: 'kiter', flag: 'kmeans-iter', scope: 'shared', kind: { type: 'int', min: 1, max: 500 },
    doc: 'k-means (Lloyd) iterations per codebook',
    get: (p) => p.kmeans.maxIter, set: (p, v) => ({ ...p, kmeans: { ...p.kmeans, maxIter: v } }),
  },
  field('kmeansSamples', 'kmeansMaxSamples', { url: 'ksamples', flag: 'kmeans-samples', scope: 'shared', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'subvectors k-means learns from per codebook (0 = all)' }),
];

/** The setting of a key. */
export function settingOf<K extends SettingKey>(key: K): Setting<K> {
  return SETTINGS.find((s) => s.key === key) as unknown as Setting<K>;
}

