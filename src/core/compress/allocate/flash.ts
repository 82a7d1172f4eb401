/**
 * The flash-size mode: all models together in at most N bytes (the file, every model's layers and headers,
 * the codebooks in use), with the least summed predicted loss — the joint Lagrangian path of every model's
 * layers (knapsack.ts fitBytes). The codebooks' bytes are charged for the formats the allocation uses: start
 * with all of them, then re-fit with only those used until that set stops shrinking.
 */
import type { ModelIR } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { HEADER_BYTES, groupBytes, layerBytes } from '../result/accounting';
import type { CodebookGroup } from '../types';
import { fitBytes } from './knapsack';
import { tableChoices, tableIndices } from './select';
import type { ModelTable } from './table';
import { optionCodebook } from '../plan/formats';

/** Bytes of a model besides its weight layers: its descriptor and its other layers (pooling, batch norm, ...). */
export function fixedModelBytes(ir: ModelIR): number {
  return HEADER_BYTES.model + ir.layers.filter((l) => !isWeightLayer(l)).reduce((s, l) => s + layerBytes(l, undefined), 0);
}

/** Each model's option indices (table order) that fit `budget` bytes, or null when nothing fits. */
export function fitFlash(irs: ModelIR[], tables: ModelTable[], codebooks: readonly CodebookGroup[], budget: number): { choice: number[][]; bytes: number } | null {
  const base = HEADER_BYTES.file + irs.reduce((s, ir) => s + fixedModelBytes(ir), 0);
  let charged = new Set(codebooks.map((c) => c.name));
  for (let round = 0; round < 8; round++) {
    const choices = tables.map((t) => tableChoices(t, [...charged]));
    const cb = codebooks.filter((c) => charged.has(c.name)).reduce((s, c) => s + groupBytes(c), 0);
    const fit = fitBytes(choices, budget, base + cb);
    if (!fit) return null;
    const idx = fit.choice.map((c, m) => tableIndices(choices[m], { choice: c, bytes: 0, loss: 0 }));
    const used = new Set<string>();
    tables.forEach((t, m) => t.layers.forEach((l, li) => { const f = optionCodebook(l.options[idx[m][li]].format); if (f !== null && charged.has(f)) used.add(f); }));
    if (used.size === charged.size) return { choice: idx, bytes: fit.bytes };
    charged = used;
  }
  return null;
}
