import type { CancelCheck, ProgressFn } from '../util/progress';
import { compress } from '../compress/pipeline';
import type { CompressOptions } from '../compress/pipeline';
import type { CompressInput } from '../compress/input/types';
import type { Normalization, Plan } from '../compress/types';

/** One normalization mode's outcome: accuracy per model and SQNR per layer, codebooks learned with it. */
export interface NormalizationRow {
  normalization: Normalization;
  /** Test accuracy per model in [0, 1] (no recovery, no auto-plan). */
  accuracy: Record<string, number>;
  /** SQNR (dB) of every PQ layer, keyed `<model>/<layer>`. */
  sqnrDb: Record<string, number>;
  /** Mean SQNR over PQ layers, dB. */
  meanSqnrDb: number;
  ratio: number;
}

/**
 * Shows what normalization buys (DESIGN §4.3): runs the plan's codebook learning and assignment once per
 * mode (none, per layer, per output channel, auto) with recovery, allocation and correction off, and returns accuracy and
 * per-layer SQNR side by side.
 */
export async function compareNormalization(
  inputs: CompressInput[], plan: Plan,
  opts: Omit<CompressOptions, 'onProgress' | 'codebooks'> & { onProgress?: ProgressFn; shouldCancel?: CancelCheck } = {},
): Promise<NormalizationRow[]> {
  const modes: Normalization[] = ['none', 'layer', 'channel', 'auto'];
  const rows: NormalizationRow[] = [];
  for (let i = 0; i < modes.length; i++) {
    const p: Plan = { ...plan, normalization: modes[i], formats: [], flashBytes: 0, correction: false, recovery: { ...plan.recovery, enabled: false } };
    const r = await compress(inputs, p, {
      ...opts,
      onProgress: opts.onProgress && ((q) => opts.onProgress!({ ...q, fraction: (i + q.fraction) / modes.length, message: `normalization ${modes[i]}: ${q.message ?? ''}` })),
    });
    const accuracy: Record<string, number> = {};
    const sqnrDb: Record<string, number> = {};
    for (const m of r.models) {
      accuracy[m.name] = m.accuracyCompressed;
      for (const l of m.layers) if (l.format === 'pq' && l.sqnrDb !== null) sqnrDb[`${m.name}/${l.name}`] = l.sqnrDb;
    }
    const v = Object.values(sqnrDb);
    rows.push({ normalization: modes[i], accuracy, sqnrDb, meanSqnrDb: v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) / 100 : 0, ratio: r.totals.ratio });
  }
  return rows;
}
