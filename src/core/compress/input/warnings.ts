/**
 * Splits too small to judge a budget: on fewer than SMALL_SPLIT samples a 1 pp budget is within the noise
 * of the measured drop (at 3 % disagreement its standard error is ±0.55 pp on 1,000 samples, ±1.8 pp on 90).
 * The CLI says so before a run, the report carries the warnings, the app shows them.
 */
import type { CompressInput } from './types';

/** Validation or test splits below this many samples get a warning. */
export const SMALL_SPLIT = 1000;

/** A split too small to judge the budget on. Plain data (part of the report). */
export interface SplitWarning {
  model: string;
  split: 'val' | 'test';
  samples: number;
  /** What it means and what to do, one sentence. */
  message: string;
}

/** Standard error (pp) of a drop measured on n samples at a disagreement rate q. */
export const dropSePp = (q: number, n: number): number => (n > 0 ? 100 * Math.sqrt(q / n) : Infinity);

/**
 * The warnings of a set of models: one per validation or test split with fewer than SMALL_SPLIT samples,
 * saying how noisy a 1 pp judgement is there and how to give more data.
 */
export function splitWarnings(inputs: readonly Pick<CompressInput, 'ir' | 'val' | 'test'>[]): SplitWarning[] {
  const out: SplitWarning[] = [];
  for (const m of inputs) {
    for (const split of ['val', 'test'] as const) {
      const n = m[split].n;
      if (n >= SMALL_SPLIT) continue;
      const se = dropSePp(0.03, n);
      out.push({
        model: m.ir.name, split, samples: n,
        message: `model '${m.ir.name}': its ${split === 'val' ? 'validation' : 'test'} split has ${n} samples (under ${SMALL_SPLIT}): at 3 % disagreement a drop measured there is ±${se.toFixed(2)} pp (one standard error), `
          + `so a 1 pp budget cannot be judged on it${split === 'val' ? '; the pipeline selects by the KL to the float model and checks the validation drop with a one-standard-error allowance' : ''}. `
          + 'Give more labelled samples, or train/, val/ and test/ folders (each with x.npy and y.npy) with at least 1,000 samples in val and test.',
      });
    }
  }
  return out;
}
