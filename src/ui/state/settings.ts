/**
 * Every shareable setting of the workbench as one typed record (TensorFlow Playground's `State`): the
 * current step, the compression plan, the Learn demo and the target device. These are what the URL hash
 * carries (see `hash.ts`), so a shared link brings up the same view. Pure: no DOM, no React.
 */
import type { GroupConfig, GroupingRule, Normalization, Plan } from '../../core/compress/types';
import { PRESET_LABELS, PRESET_NAMES, isPresetName, presetPlan } from '../../core/compress/presets';
import type { PresetName } from '../../core/compress/presets';
import { COARSE_PREFIX, FINE_GROUP, MEDIUM_GROUP } from '../../core/compress/routing';

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
  { id: 'paper', label: 'Two shared codebooks: 3×3 kernels and 1×1 / dense (paper)' },
  { id: 'single', label: 'One codebook for everything' },
  { id: 'per-model', label: 'Two codebooks per model' },
  { id: 'per-layer', label: 'One codebook per layer' },
];
export type GroupingId = GroupingRule;

/** The d/K rows the UI shows for a grouping rule: the plan's `groups` keys they edit. */
export function uiGroups(grouping: GroupingRule): readonly { key: string; label: string }[] {
  return grouping === 'single'
    ? [{ key: 'shared', label: 'All layers' }]
    : [{ key: 'spatial', label: '3×3 kernels' }, { key: 'pointwise', label: '1×1 and dense' }];
}

/**
 * The tier codebook groups of the YONO preset, in ladder order: big layers start in their kind's coarse
 * codebook; the auto-plan moves a sensitive layer up to its kind's codebook, then `medium`, then `fine`,
 * then int8. `key` is the plan's `groups` key (and the hash key); `ladder` tiers are on with `plan.fineTier`.
 */
export const TIER_GROUPS = [
  { key: `${COARSE_PREFIX}spatial`, label: 'Coarse spatial', ladder: false },
  { key: `${COARSE_PREFIX}pointwise`, label: 'Coarse pointwise', ladder: false },
  { key: MEDIUM_GROUP, label: 'Medium tier', ladder: true },
  { key: FINE_GROUP, label: 'Fine tier', ladder: true },
] as const;
export type TierKey = (typeof TIER_GROUPS)[number]['key'];

/** d and K of each tier group a plan has (a plan may lack some: then they are absent here). */
export type TierSettings = Partial<Record<TierKey, GroupConfig>>;

/** The tier groups of a plan's `groups`, whether or not the plan uses them now. */
export function tierSettingsOf(plan: Plan): TierSettings {
  const out: TierSettings = {};
  for (const { key } of TIER_GROUPS) {
    const g = plan.groups[key];
    if (g) out[key] = { d: g.d, k: g.k };
  }
  return out;
}

/** One tier row of the Codebook step: which group, and whether it can be edited (the tier is on). */
export interface UiTierRow {
  key: TierKey;
  label: string;
  /** What the tier is for, one line. */
  purpose: string;
  /** False for `medium` / `fine` while `plan.fineTier` is off. */
  enabled: boolean;
}

/**
 * The tier rows the Codebook step shows: none unless the plan is PQ with the paper's grouping. Coarse rows
 * when the plan sends big layers there (`coarseMinParams > 0`); medium / fine rows when the plan or its
 * preset has the fine tier (shown disabled while it is switched off). Only groups the plan has.
 */
export function uiTierGroups(plan: Plan): UiTierRow[] {
  if (plan.defaultFormat !== 'pq' || plan.grouping !== 'paper') return [];
  const preset = plan.preset.replace(/\*$/, '');
  const ladder = plan.fineTier || (isPresetName(preset) && presetPlan(preset).fineTier);
  const big = plan.coarseMinParams.toLocaleString('en-US');
  const purpose: Record<TierKey, string> = {
    'coarse-spatial': `3×3 and depthwise layers of ${big} weights and more start here`,
    'coarse-pointwise': `1×1 and dense layers of ${big} weights and more start here`,
    medium: 'Where the auto-plan moves a sensitive layer after its kind\'s codebook',
    fine: 'The auto-plan\'s last codebook before int8',
  };
  return TIER_GROUPS
    .filter((t) => plan.groups[t.key] !== undefined && (t.ladder ? ladder : plan.coarseMinParams > 0))
    .map((t) => ({ key: t.key, label: t.label, purpose: purpose[t.key], enabled: !t.ladder || plan.fineTier }));
}

/** Scaling applied before clustering so one codebook fits layers of different scale. */
export const NORMALIZATIONS: readonly { id: Normalization; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'layer', label: 'Per layer' },
  { id: 'channel', label: 'Per output channel' },
  { id: 'auto', label: 'Auto (per channel where units differ in scale)' },
];
export type NormalizationId = Normalization;

/** Device profiles of the virtual MCU (the MCU issue defines their figures). */
export const DEVICES = [
  { id: 'stm32f746', label: 'STM32F746 (Cortex-M7, 216 MHz, 320 KB SRAM, 1 MB flash)' },
  { id: 'stm32h743', label: 'STM32H743 (Cortex-M7, 480 MHz, 1 MB SRAM, 2 MB flash)' },
  { id: 'nrf52840', label: 'nRF52840 (Cortex-M4F, 64 MHz, 256 KB RAM, 1 MB flash)' },
] as const;
export type DeviceId = (typeof DEVICES)[number]['id'];

/** d and K of one codebook group. */
export type GroupSettings = GroupConfig;

/**
 * The part of a plan the URL carries: the preset it starts from and the settings a user tunes. The
 * rest of the plan (keep rule, recovery, k-means options) comes from the preset.
 */
export interface PlanSettings {
  /** The preset the plan starts from. */
  preset: PresetId;
  /** Routing of layers to codebook groups. */
  grouping: GroupingRule;
  /** d and K per row of `uiGroups(grouping)`, in that order. */
  groups: GroupConfig[];
  /** Scaling before clustering. */
  normalization: Normalization;
  /** Seed of every random choice (k-means init, data order): same seed, same result. */
  seed: number;
  /** Per-model accuracy budget, percentage points. */
  budgetPp: number;
  /** d and K of the tier groups the plan has (`TIER_GROUPS`); a missing one keeps the base plan's. */
  tiers: TierSettings;
}

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
  /** The plan's shareable part. */
  plan: PlanSettings;
  learn: LearnSettings;
  /** Target device of the virtual MCU. */
  device: DeviceId;
}

/** Allowed ranges; the UI's inputs and the hash validator both use them. */
export const LIMITS = {
  d: { min: 1, max: 64 },
  k: { min: 2, max: 65536 },
  seed: { min: 0, max: 0xffffffff },
  budgetPp: { min: 0, max: 100 },
  learnRows: { min: 4, max: 64 },
  learnCols: { min: 2, max: 32 },
  learnD: { min: 2, max: 16 },
  learnK: { min: 2, max: 64 },
} as const;

/** The shareable part of a full plan. */
export function planSettingsOf(plan: Plan): PlanSettings {
  const preset = isPresetName(plan.preset) ? plan.preset : 'yono';
  const groups = uiGroups(plan.grouping).map(({ key }) => {
    const g = plan.groups[key] ?? plan.groups.default;
    return { d: g.d, k: g.k };
  });
  return {
    preset, grouping: plan.grouping, groups, normalization: plan.normalization, seed: plan.seed, budgetPp: plan.budgetPp,
    tiers: tierSettingsOf(plan),
  };
}

/** `base` with the shareable settings applied (groups resized to the grouping rule; tiers it names set). */
export function applyPlanSettings(base: Plan, s: PlanSettings): Plan {
  const rows = uiGroups(s.grouping);
  const groups = { ...base.groups };
  rows.forEach(({ key }, i) => { groups[key] = { ...(s.groups[i] ?? s.groups[0] ?? groups.default) }; });
  for (const { key } of TIER_GROUPS) {
    const t = s.tiers[key];
    if (t) groups[key] = { d: t.d, k: t.k };
  }
  return { ...base, preset: s.preset, grouping: s.grouping, groups, normalization: s.normalization, seed: s.seed, budgetPp: s.budgetPp };
}

/** The full plan of a preset with the given shareable settings on top. */
export function planFromSettings(s: PlanSettings): Plan {
  return applyPlanSettings(presetPlan(s.preset), s);
}

export const DEFAULT_LEARN: LearnSettings = { rows: 24, cols: 12, d: 2, k: 8, seed: 7 };

/** The settings of a fresh page with no hash. */
export function defaultSettings(): ShareableSettings {
  return { tab: 'models', plan: planSettingsOf(presetPlan('yono')), learn: { ...DEFAULT_LEARN }, device: 'stm32f746' };
}

/** True when `v` is one of the ids of `list`. */
export function isOneOf<T extends { id: string }>(list: readonly T[], v: unknown): v is T['id'] {
  return typeof v === 'string' && list.some((x) => x.id === v);
}
