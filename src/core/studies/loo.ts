import type { CancelCheck, ProgressFn } from '../util/progress';
import { compress, learnPlanCodebooks } from '../compress/pipeline';
import type { CompressOptions } from '../compress/pipeline';
import type { CompressInput } from '../compress/input/types';
import type { Plan } from '../compress/types';

/** Leave-one-out outcome of one model: compressed with codebooks learned without it. */
export interface LooRow {
  model: string;
  accuracyFloat: number;
  accuracyCompressed: number;
  /** Float minus compressed test accuracy, percentage points. */
  dropPp: number;
  float32Bytes: number;
  compressedBytes: number;
  /** Codebook bytes that the model does not own (learned on the others). */
  codebookBytes: number;
  /** float32Bytes / compressedBytes, codebooks included. */
  ratio: number;
  /** Weight layers stored as PQ, int8 and float32. */
  layers: { pq: number; int8: number; float32: number };
}

const count = (m: { layers: { format: string }[] }, f: string) => m.layers.filter((l) => l.format === f).length;

/**
 * Generalization of the shared codebooks (DESIGN §4.7): for each model X, learns the plan's codebooks
 * on all the other models, then compresses X alone with them fixed (recovery and auto-plan as the plan
 * says). Needs a shared grouping (`paper` or `single`): a per-model codebook cannot exist without X.
 */
export async function leaveOneOut(
  inputs: CompressInput[], plan: Plan,
  opts: Omit<CompressOptions, 'codebooks' | 'onProgress'> & { onProgress?: ProgressFn; shouldCancel?: CancelCheck } = {},
): Promise<LooRow[]> {
  if (inputs.length < 2) throw new Error('leave-one-out needs at least two models');
  if (plan.grouping === 'per-model' || plan.grouping === 'per-layer') {
    throw new Error(`leave-one-out needs codebooks shared across models: use grouping 'paper' or 'single', not '${plan.grouping}'`);
  }
  const rows: LooRow[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i];
    const sub = opts.onProgress && ((p: { fraction: number; phase: string; message?: string }) =>
      opts.onProgress!({ fraction: (i + p.fraction) / inputs.length, phase: p.phase, message: `without ${x.ir.name}: ${p.message ?? ''}` }));
    const others = inputs.filter((_, j) => j !== i);
    const codebooks = await learnPlanCodebooks(others, plan, { shouldCancel: opts.shouldCancel, runner: opts.runner });
    const r = await compress([x], plan, { ...opts, codebooks, onProgress: sub });
    const m = r.models[0];
    rows.push({
      model: m.name, accuracyFloat: m.accuracyFloat, accuracyCompressed: m.accuracyCompressed,
      dropPp: Math.round((m.accuracyFloat - m.accuracyCompressed) * 1e4) / 100,
      float32Bytes: m.float32Bytes, compressedBytes: r.totals.compressedBytes, codebookBytes: r.totals.codebookBytes,
      ratio: Math.round((m.float32Bytes / r.totals.compressedBytes) * 100) / 100,
      layers: { pq: count(m, 'pq'), int8: count(m, 'int8'), float32: count(m, 'float32') },
    });
  }
  return rows;
}
