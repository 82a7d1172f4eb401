/**
 * Every setting of a compression plan, once: its type and range, its key in a shared link (URL hash), its
 * command-line flag, what it means, whether the rows of the method comparison share it, and where it lives
 * in a `Plan`. The URL codec (`params.ts`), the CLI flags and their help (`flags.ts`), the comparison rule
 * (`core/studies/comparison.ts`) and the UI's plan editor all derive from this list. A setting's default is
 * its value in the preset the plan starts from (`presetPlan`).
 *
 * Changing this list changes links and saved work: bump SETTINGS_VERSION and add a step to `migrate.ts`.
 */
import type { Activations, GroupConfig, GroupingRule, Normalization, Plan } from '../compress/types';
import { PRESET_NAMES, basePreset } from '../compress/presets';
import type { PresetName } from '../compress/presets';

/**
 * The version of the settings (links carry it as `v=`, saved work in its record). 1: links and saved work
 * before this list existed (d and K as `d=3,4&k=64,64` lists per grouping row); 2: this list; 3: the
 * `activations` setting (int8 / float32; everything older ran float32).
 */
export const SETTINGS_VERSION = 3;

/** The value of every setting; a partial record leaves the missing ones at the preset's value. */
export interface SettingValues {
  preset: PresetName;
  grouping: GroupingRule;
  spatial: GroupConfig;
  pointwise: GroupConfig;
  shared: GroupConfig;
  'coarse-spatial': GroupConfig;
  'coarse-pointwise': GroupConfig;
  medium: GroupConfig;
  fine: GroupConfig;
  normalization: Normalization;
  activations: Activations;
  seed: number;
  budget: number;
  margin: number;
  confidence: number;
  keepUnder: number;
  coarseOver: number;
  fineTier: boolean;
  autoPlan: boolean;
  recovery: boolean;
  recoveryLayers: number;
  epochs: number;
  trainSamples: number;
  distill: boolean;
  codewords: boolean;
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
  | { type: 'group' };

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
}

type AnySetting = { [K in SettingKey]: Setting<K> }[SettingKey];

const group = (key: 'spatial' | 'pointwise' | 'shared' | 'coarse-spatial' | 'coarse-pointwise' | 'medium' | 'fine', doc: string): Setting<typeof key> => ({
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
  group('coarse-spatial', 'd and K of the coarse codebook big spatial layers start in'),
  group('coarse-pointwise', 'd and K of the coarse codebook big 1×1/dense layers start in'),
  group('medium', 'd and K of the medium tier (the auto-plan\'s rung after a layer\'s own codebook)'),
  group('fine', 'd and K of the fine tier (the auto-plan\'s last codebook before int8)'),
  field('normalization', 'normalization', { url: 'norm', flag: 'norm', scope: 'recipe', kind: { type: 'enum', values: ['none', 'layer', 'channel', 'auto'] },
    doc: 'scaling before clustering: none | layer | channel | auto' }),
  field('activations', 'activations', { url: 'act', flag: 'activations', scope: 'shared', kind: { type: 'enum', values: ['int8', 'float32'] },
    doc: 'arithmetic the models run and are measured with: int8 (int8 activations and codebooks, int32 biases) | float32' }),
  field('seed', 'seed', { url: 'seed', flag: 'seed', scope: 'shared', kind: { type: 'int', min: 0, max: 0xffffffff },
    doc: 'seed of every random choice (k-means init, data order): same seed, same result' }),
  field('budget', 'budgetPp', { url: 'budget', flag: 'budget', scope: 'shared', kind: { type: 'number', min: 0, max: 100 },
    doc: 'per-model accuracy budget, percentage points' }),
  field('margin', 'selectionMarginPp', { url: 'margin', flag: 'margin', scope: 'shared', kind: { type: 'number', min: 0, max: 100 },
    doc: 'aim this far (pp) inside the budget on the validation split' }),
  field('confidence', 'selectionZ', { url: 'z', flag: 'confidence', scope: 'recipe', kind: { type: 'number', min: 0, max: 10 },
    doc: 'judge the budget on validation accuracy minus Z standard errors' }),
  {
    key: 'keepUnder', url: 'keep', flag: 'keep-under', scope: 'recipe', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'layers with fewer weights stay int8',
    get: (p) => p.keep.minParams, set: (p, v) => ({ ...p, keep: { ...p.keep, minParams: v } }),
  },
  field('coarseOver', 'coarseMinParams', { url: 'coarse', flag: 'coarse-over', scope: 'recipe', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'layers with at least N weights start in the coarse codebooks (0 = off)' }),
  field('fineTier', 'fineTier', { url: 'tiers', flag: 'fine-tier', scope: 'recipe', kind: { type: 'bool' },
    doc: 'learn the medium and fine tier codebooks the auto-plan tries before int8' }),
  field('autoPlan', 'autoPlan', { url: 'autoplan', flag: 'autoplan', scope: 'recipe', kind: { type: 'bool' },
    doc: 'measure sensitivity and move sensitive layers up (tiers, then int8) until within the budget' }),
  recovery('recovery', 'enabled', { url: 'recovery', flag: 'recovery', scope: 'recipe', kind: { type: 'bool' },
    doc: 'the EM recovery: fine-tune layers with the codebooks fixed, then re-assign' }),
  recovery('recoveryLayers', 'maxLayers', { url: 'rlayers', flag: 'recovery-layers', scope: 'shared', kind: { type: 'int', min: 0, max: 64 },
    doc: 'EM rounds (layers) per model' }),
  recovery('epochs', 'epochs', { url: 'epochs', flag: 'epochs', scope: 'shared', kind: { type: 'int', min: 0, max: 1000 },
    doc: 'fine-tuning epochs per EM round' }),
  recovery('trainSamples', 'maxTrainSamples', { url: 'rows', flag: 'train-samples', scope: 'shared', kind: { type: 'int', min: 0, max: 1e9 },
    doc: 'training rows per epoch (0 = all)' }),
  recovery('distill', 'distill', { url: 'distill', flag: 'distill', scope: 'recipe', kind: { type: 'bool' },
    doc: 'fine-tune towards the float model\'s outputs instead of the labels' }),
  recovery('codewords', 'fineTuneCodewords', { url: 'codewords', flag: 'codewords', scope: 'recipe', kind: { type: 'bool' },
    doc: 'also fine-tune the codewords (trades generality)' }),
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

