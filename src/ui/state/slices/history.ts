/**
 * History slice: the last codebook runs with their plans (persisted), and the two picked for a side-by-
 * side comparison. `runRecord` keeps only the figures the comparison shows (no codebooks, no weights),
 * so the history stays small in IndexedDB.
 */
import type { StateCreator } from 'zustand';
import type { AllState, HistorySlice, RunRecord } from '../types';
import type { CodebookResult } from '../../services/types';

/** Runs kept. */
export const HISTORY_SIZE = 10;

/** The figures of a result the history keeps. */
export function runRecord(id: number, at: number, result: CodebookResult, durationMs: number): RunRecord {
  return {
    id, at, plan: result.plan, durationMs,
    totals: { float32Bytes: result.totals.float32Bytes, compressedBytes: result.totals.compressedBytes, ratio: result.totals.ratio },
    models: result.models.map((m) => ({
      name: m.name, float32Bytes: m.float32Bytes, bytes: m.compressedBytes, accuracyFloat: m.accuracyFloat, accuracyCompressed: m.accuracyCompressed,
      formats: Object.fromEntries(m.layers.map((l) => [l.name, l.format === 'pq' ? `pq:${l.codebook ?? ''}` : l.format])),
    })),
  };
}

/** `history` with `r` first, at most HISTORY_SIZE long. */
export function withRun(history: RunRecord[], r: RunRecord): RunRecord[] {
  return [r, ...history.filter((x) => x.id !== r.id)].slice(0, HISTORY_SIZE);
}

/** The per-layer formats that differ between two runs, `model/layer` → [a, b] ('—' where a run lacks the layer). */
export function formatDiff(a: RunRecord, b: RunRecord): { key: string; a: string; b: string }[] {
  const out: { key: string; a: string; b: string }[] = [];
  const names = [...new Set([...a.models, ...b.models].map((m) => m.name))];
  for (const n of names) {
    const fa = a.models.find((m) => m.name === n)?.formats ?? {};
    const fb = b.models.find((m) => m.name === n)?.formats ?? {};
    for (const l of [...new Set([...Object.keys(fa), ...Object.keys(fb)])]) {
      if (fa[l] !== fb[l]) out.push({ key: `${n}/${l}`, a: fa[l] ?? '—', b: fb[l] ?? '—' });
    }
  }
  return out;
}

export const createHistorySlice: StateCreator<AllState, [], [], HistorySlice> = (set) => ({
  history: [],
  historyPick: [null, null],
  setHistoryPick: (historyPick) => set({ historyPick }),
  clearHistory: () => set({ history: [], historyPick: [null, null] }),
});
