/**
 * What the URL hash carries besides the plan settings (which are core/settings/schema.ts's, one list for
 * the app and the CLI): the current step, the Learn demo and the target device; and how the plan editor
 * presents the plan settings (labels, rows). Pure: no DOM, no React.
 */
import type { GroupConfig, GroupingRule, Normalization } from '../../core/compress/types';
import type { PresetName } from '../../core/compress/plan/presets';
import type { SettingValues } from '../../core/settings/schema';
import type { DeviceId } from '../../core/mcu/devices';
import { PRESET_LABELS, PRESET_NAMES, GROUP_LIMITS, settingOf, DEVICE_PROFILES, DEVICE_IDS, deviceSummary } from '../core';

/** The six steps, in order. `id` is what the hash holds; `label` is the tab's accessible name. */
export const STEPS = [
  { id: 'models', label: 'Models' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'tradeoffs', label: 'Trade-offs' },
  { id: 'mcu', label: 'Virtual MCU' },
  { id: 'export', label: 'Export' },
  { id: 'learn', label: 'Learn' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

/** Presets as the pipeline defines them (every baseline of the paper's table is one). */
export const PRESETS = PRESET_NAMES.map((id) => ({ id, label: PRESET_LABELS[id] }));
export type PresetId = PresetName;

/** Grouping rules of the pipeline, with the label the UI shows. */
export const GROUPINGS: readonly { id: GroupingRule; label: string }[] = [
  { id: 'paper', label: 'Paper: 3×3 kernels | 1×1 & dense' },
  { id: 'single', label: 'One codebook for all layers' },
  { id: 'per-model', label: 'Two codebooks per model' },
  { id: 'per-layer', label: 'One codebook per layer' },
];
export type GroupingId = GroupingRule;

/** The d/K rows the UI shows for a grouping rule: the plan's `groups` keys they edit. */
export function uiGroups(grouping: GroupingRule): readonly { key: 'spatial' | 'pointwise' | 'shared'; label: string }[] {
  return grouping === 'single'
    ? [{ key: 'shared', label: 'All layers' }]
    : [{ key: 'spatial', label: '3×3 kernels' }, { key: 'pointwise', label: '1×1 and dense' }];
}

/** Scaling applied before clustering so one codebook fits layers of different scale. */
export const NORMALIZATIONS: readonly { id: Normalization; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'layer', label: 'Per layer' },
  { id: 'channel', label: 'Per output channel' },
  { id: 'auto', label: 'Auto (channel where scales differ)' },
];
export type NormalizationId = Normalization;

/** Device profiles of the virtual MCU, labelled from their core profiles. */
export const DEVICES: readonly { id: DeviceId; label: string }[] = DEVICE_IDS.map((id) => ({ id, label: deviceSummary(DEVICE_PROFILES[id]) }));
export type { DeviceId };

/** d and K of one codebook group. */
export type GroupSettings = GroupConfig;

/** The Learn view's demo: one small dense layer (rows x cols) quantized with d and K. */
export interface LearnSettings {
  /** Input features of the demo layer (kernel rows). */
  rows: number;
  /** Output units of the demo layer (kernel columns). */
  cols: number;
  /** Subvector length. */
  d: number;
  /** Codebook size. */
  k: number;
  /** Seed of the weights and of the k-means init. */
  seed: number;
}

/** Everything the URL hash carries. */
export interface ShareableSettings {
  /** The step shown. */
  tab: StepId;
  /** The plan settings the link gives (the rest comes from the preset). */
  plan: Partial<SettingValues>;
  learn: LearnSettings;
  /** Target device of the virtual MCU. */
  device: DeviceId;
}

/** Allowed ranges of the plan editor (from the settings schema) and of the Learn demo. */
export const LIMITS = {
  d: GROUP_LIMITS.d,
  k: GROUP_LIMITS.k,
  seed: rangeOf('seed'),
  budgetPp: rangeOf('budget'),
  learnRows: { min: 4, max: 64 },
  learnCols: { min: 2, max: 32 },
  learnD: { min: 2, max: 16 },
  learnK: { min: 2, max: 64 },
} as const;

/** The range of a numeric plan setting. */
export function rangeOf(key: 'seed' | 'budget' | 'recoveryLayers' | 'trainSamples' | 'kmeansIter' | 'kmeansSamples'): { min: number; max: number } {
  const k = settingOf(key).kind;
  return k.type === 'int' || k.type === 'number' ? { min: k.min, max: k.max } : { min: 0, max: 0 };
}

export const DEFAULT_LEARN: LearnSettings = { rows: 24, cols: 12, d: 2, k: 8, seed: 7 };

/** The settings of a fresh page with no hash. */
export function defaultSettings(): ShareableSettings {
  return { tab: 'models', plan: {}, learn: { ...DEFAULT_LEARN }, device: 'stm32f746' };
}

/** True when `v` is one of the ids of `list`. */
export function isOneOf<T extends { id: string }>(list: readonly T[], v: unknown): v is T['id'] {
  return typeof v === 'string' && list.some((x) => x.id === v);
}
