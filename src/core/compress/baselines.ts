import type { CancelCheck, ProgressFn } from '../util/progress';
import { compress } from './pipeline';
import type { CompressOptions } from './pipeline';
import { PRESET_LABELS, PRESET_NAMES, presetPlan } from './presets';
import type { PresetName } from './presets';
import type { CompressInput } from './state';
import type { CompressionResult, Plan } from './types';

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
 * model, PQ shared, PQ shared + recovery, YONO by default). `tweak` may adjust every plan (seed,
 * budget, d/k) before it runs, so all rows share the settings.
 */
export async function compareBaselines(
  inputs: CompressInput[],
  opts: Omit<CompressOptions, 'onProgress' | 'codebooks'> & {
    presets?: PresetName[]; tweak?: (p: Plan) => Plan; onProgress?: ProgressFn; shouldCancel?: CancelCheck;
  } = {},
): Promise<BaselineRow[]> {
  const presets = opts.presets ?? [...PRESET_NAMES];
  const rows: BaselineRow[] = [];
  for (let i = 0; i < presets.length; i++) {
    const plan = (opts.tweak ?? ((p) => p))(presetPlan(presets[i]));
    const r = await compress(inputs, plan, {
      ...opts,
      onProgress: opts.onProgress && ((p) => opts.onProgress!({ fraction: (i + p.fraction) / presets.length, phase: p.phase, message: `${presets[i]}: ${p.message ?? ''}` })),
    });
    rows.push(baselineRow(r, PRESET_LABELS[presets[i]]));
  }
  return rows;
}
