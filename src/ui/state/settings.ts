/**
 * Every shareable setting of the workbench as one typed record (TensorFlow Playground's `State`): the
 * current step, the compression plan, the Learn demo and the target device. These are what the URL hash
 * carries (see `hash.ts`), so a shared link brings up the same view. Pure: no DOM, no React.
 */

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

/** Compression presets: every baseline of the paper's table is a preset of the same pipeline. */
export const PRESETS = [
  { id: 'yono', label: 'YONO' },
  { id: 'pq-shared', label: 'PQ shared' },
  { id: 'pq-model', label: 'PQ per model' },
  { id: 'int8', label: 'Int8' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/** How layers are routed to codebooks; each rule names its groups (one d and K per group). */
export const GROUPINGS = [
  { id: 'kernel', label: '3×3 kernels vs. 1×1 / dense (paper)', groups: ['3×3 kernels', '1×1 and dense'] },
  { id: 'all', label: 'One codebook for everything', groups: ['All layers'] },
  { id: 'model', label: 'One codebook per model', groups: ['Each model'] },
  { id: 'layer', label: 'One codebook per layer', groups: ['Each layer'] },
] as const;
export type GroupingId = (typeof GROUPINGS)[number]['id'];

/** Scaling applied before clustering so one codebook fits layers of different scale. */
export const NORMALIZATIONS = [
  { id: 'none', label: 'None' },
  { id: 'layer', label: 'Per layer' },
  { id: 'channel', label: 'Per output channel' },
] as const;
export type NormalizationId = (typeof NORMALIZATIONS)[number]['id'];

/** Device profiles of the virtual MCU (the MCU issue defines their figures). */
export const DEVICES = [
  { id: 'stm32f746', label: 'STM32F746 (Cortex-M7, 216 MHz, 320 KB SRAM, 1 MB flash)' },
  { id: 'stm32h743', label: 'STM32H743 (Cortex-M7, 480 MHz, 1 MB SRAM, 2 MB flash)' },
  { id: 'nrf52840', label: 'nRF52840 (Cortex-M4F, 64 MHz, 256 KB RAM, 1 MB flash)' },
] as const;
export type DeviceId = (typeof DEVICES)[number]['id'];

/** d and K of one codebook group. */
export interface GroupSettings {
  /** Subvector length: weights per codeword. */
  d: number;
  /** Codewords in the codebook; indices take ceil(log2 K) bits. */
  k: number;
}

/** The compression plan as the user sets it (the pipeline's full plan is derived from it). */
export interface PlanSettings {
  /** Which baseline/preset the plan started from. */
  preset: PresetId;
  /** Routing of layers to codebook groups. */
  grouping: GroupingId;
  /** One entry per group of `grouping`, in the order of GROUPINGS[..].groups. */
  groups: GroupSettings[];
  /** Scaling before clustering. */
  normalization: NormalizationId;
  /** Seed of every random choice (k-means init, data order): same seed, same result. */
  seed: number;
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
  learnRows: { min: 4, max: 64 },
  learnCols: { min: 2, max: 32 },
  learnD: { min: 2, max: 16 },
  learnK: { min: 2, max: 64 },
} as const;

/** Number of codebook groups a grouping rule has. */
export function groupNames(grouping: GroupingId): readonly string[] {
  return GROUPINGS.find((g) => g.id === grouping)!.groups;
}

/** The plan a preset starts from (the pipeline issue may refine these defaults). */
export function presetPlan(preset: PresetId, seed = 1): PlanSettings {
  switch (preset) {
    case 'yono':
      return { preset, grouping: 'kernel', groups: [{ d: 9, k: 256 }, { d: 8, k: 256 }], normalization: 'layer', seed };
    case 'pq-shared':
      return { preset, grouping: 'kernel', groups: [{ d: 9, k: 256 }, { d: 8, k: 256 }], normalization: 'none', seed };
    case 'pq-model':
      return { preset, grouping: 'model', groups: [{ d: 8, k: 256 }], normalization: 'none', seed };
    case 'int8':
      return { preset, grouping: 'all', groups: [{ d: 1, k: 256 }], normalization: 'none', seed };
  }
}

/** Resizes `groups` to the grouping rule, keeping what fits and filling from the first group. */
export function fitGroups(grouping: GroupingId, groups: GroupSettings[]): GroupSettings[] {
  const n = groupNames(grouping).length;
  const fallback = groups[0] ?? { d: 8, k: 256 };
  return Array.from({ length: n }, (_, i) => ({ ...(groups[i] ?? fallback) }));
}

export const DEFAULT_LEARN: LearnSettings = { rows: 24, cols: 12, d: 2, k: 8, seed: 7 };

/** The settings of a fresh page with no hash. */
export function defaultSettings(): ShareableSettings {
  return { tab: 'models', plan: presetPlan('yono'), learn: { ...DEFAULT_LEARN }, device: 'stm32f746' };
}

/** True when `v` is one of the ids of `list`. */
export function isOneOf<T extends { id: string }>(list: readonly T[], v: unknown): v is T['id'] {
  return typeof v === 'string' && list.some((x) => x.id === v);
}
