/**
 * Codebook-set pruning (docs/compression-research.md §4): the knapsack of each model does not see the
 * bytes of the shared codebooks, so a codebook may be kept for a saving smaller than its own size. Greedy
 * backward elimination on predicted bytes: with each model held at the predicted loss of its chosen
 * allocation, drop the codebook whose removal lowers the total most (models re-allocated on their paths
 * without it), while the total falls. No measurement: the models whose allocation changed are checked again
 * by the caller.
 */
import { groupBytes } from '../result/accounting';
import type { CodebookGroup } from '../types';
import { firstWithin, lagrangianPath } from './knapsack';
import type { ModelOutcome } from './select';
import { tableChoices, tableIndices } from './select';
import type { ModelTable } from './table';
import { optionCodebook } from '../plan/formats';

/** The predicted bytes of a model at loss `target` with options restricted to `formats`, and its choice. */
function allocationAt(table: ModelTable, formats: readonly string[], target: number): { bytes: number; choice: number[] } {
  const choices = tableChoices(table, formats);
  const path = lagrangianPath(choices);
  const a = path[firstWithin(path, target)];
  return { bytes: a.bytes, choice: tableIndices(choices, a) };
}

/** Codebook formats a set of choices uses. */
function usedFormats(tables: ModelTable[], choices: number[][], formats: readonly string[]): Set<string> {
  const used = new Set<string>();
  tables.forEach((t, m) => t.layers.forEach((l, li) => { const f = optionCodebook(l.options[choices[m][li]].format); if (f !== null && formats.includes(f)) used.add(f); }));
  return used;
}

/** What pruning keeps, and which models' allocations it changed (indices into `outcomes`). */
export interface Pruned {
  formats: string[];
  changed: number[];
  /** Predicted total bytes (layers + codebooks) before and after. */
  before: number;
  after: number;
}

/** Greedy codebook pruning (see the file comment) over every model's table and chosen outcome. */
export function pruneCodebooks(tables: ModelTable[], outcomes: ModelOutcome[], codebooks: readonly CodebookGroup[]): Pruned {
  const cbBytes = new Map(codebooks.map((c) => [c.name, groupBytes(c)]));
  const targets = outcomes.map((o) => o.predicted + 1e-15);
  const evaluate = (formats: string[]) => {
    const allocs = tables.map((t, m) => allocationAt(t, formats, targets[m]));
    const used = usedFormats(tables, allocs.map((a) => a.choice), formats);
    const total = allocs.reduce((s, a) => s + a.bytes, 0) + [...used].reduce((s, f) => s + (cbBytes.get(f) ?? 0), 0);
    return { total, allocs, used };
  };
  let formats = [...usedFormats(tables, outcomes.map((o) => o.choice), codebooks.map((c) => c.name))];
  const start = evaluate(formats);
  let cur = start;
  for (;;) {
    let best: { f: string; r: ReturnType<typeof evaluate> } | null = null;
    for (const f of formats) {
      const r = evaluate(formats.filter((x) => x !== f));
      if (!best || r.total < best.r.total) best = { f, r };
    }
    if (!best || best.r.total >= cur.total) break;
    formats = formats.filter((x) => x !== best!.f);
    cur = best.r;
  }
  const changed = outcomes.map((o, m) => (cur.allocs[m].choice.join(',') === o.choice.join(',') ? -1 : m)).filter((m) => m >= 0);
  return { formats, changed, before: start.total, after: cur.total };
}
