import type { CancelCheck, ProgressFn } from '../util/progress';
import { compress } from '../compress/pipeline';
import type { CompressOptions } from '../compress/pipeline';
import { PRESET_LABELS, PRESET_NAMES, presetPlan } from '../compress/plan/presets';
import type { PresetName } from '../compress/plan/presets';
import type { CompressInput } from '../compress/input/types';
import type { CompressionResult, Plan } from '../compress/types';
import { comparisonPlan } from './comparison';

/** One row of the comparison table (the paper's Table: method, size, ratio, accuracy per model). */
export interface BaselineRow {
  preset: string;
  label: string;
  totalBytes: number;
  float32Bytes: number;
  ratio: number;
  /** Test accuracy per model, in [0, 1], keyed by model name. */
  accuracy: Record<string, number>;
  /** Float test accuracy minus compressed, in percentage points, keyed by model name. */
  dropPp: Record<string, number>;
  timeMs: number;
}

/** `float - compressed` accuracy (both in [0, 1]) in percentage points, rounded to 2 decimals. */
export const dropPp = (float: number, compressed: number): number => Math.round((float - compressed) * 1e4) / 100;

/** A table row from a result. */
export function baselineRow(r: CompressionResult, label: string): BaselineRow {
  const accuracy: Record<string, number> = {};
  const drops: Record<string, number> = {};
  for (const m of r.models) {
    accuracy[m.name] = m.accuracyCompressed;
    drops[m.name] = dropPp(m.accuracyFloat, m.accuracyCompressed);
  }
  return {
    preset: r.plan.preset, label, totalBytes: r.totals.compressedBytes, float32Bytes: r.totals.float32Bytes,
    ratio: Math.round(r.totals.ratio * 100) / 100, accuracy, dropPp: drops, timeMs: r.timingsMs.total,
  };
}

/**
 * Runs the same pipeline once per preset and returns the comparison table (float32, int8, PQ per
 * model, PQ shared, PQ shared + recovery, YONO by default). With `user`, every row runs with the user's
 * shared settings (`comparisonPlan`, the comparison rule); without, each preset's plan as it is.
 */
export async function compareBaselines(
  inputs: CompressInput[],
  opts: Omit<CompressOptions, 'onProgress' | 'codebooks'> & {
    presets?: PresetName[]; user?: Plan; onProgress?: ProgressFn; shouldCancel?: CancelCheck;
  } = {},
): Promise<BaselineRow[]> {
  const presets = opts.presets ?? [...PRESET_NAMES];
  const rows: BaselineRow[] = [];
  for (let i = 0; i < presets.length; i++) {
    const plan = opts.user ? comparisonPlan(presets[i], opts.user) : presetPlan(presets[i]);
    const r = await compress(inputs, plan, {
      ...opts,
      onProgress: opts.onProgress && ((p) => opts.onProgress!({ fraction: (i + p.fraction) / presets.length, phase: p.phase, message: `${presets[i]}: ${p.message ?? ''}` })),
    });
    rows.push(baselineRow(r, PRESET_LABELS[presets[i]]));
  }
  return rows;
}
