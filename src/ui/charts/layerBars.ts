/** Scales of the per-layer small multiples, shared by every model so their bars compare. Pure. */

export interface LayerBarRow {
  layer: string;
  /** What it ended in: `PQ spatial`, `int8`, `float32`. */
  format: string;
  /** For a PQ layer, its codebook's subvector size and codewords ("d 4 · K 64"). */
  codebook?: string;
  beforeBytes: number;
  afterBytes: number;
  sqnrDb: number | null;
  sensitivityPp: number | null;
}

export interface LayerBarScales { maxBytes: number; maxSqnr: number; maxSens: number }

/** The largest figure of each column over all models (at least a small positive value, so widths are finite). */
export function layerBarScales(models: LayerBarRow[][]): LayerBarScales {
  let maxBytes = 1, maxSqnr = 1, maxSens = 0.01;
  for (const rows of models) {
    for (const r of rows) {
      maxBytes = Math.max(maxBytes, r.beforeBytes, r.afterBytes);
      if (r.sqnrDb !== null && r.sqnrDb < 999) maxSqnr = Math.max(maxSqnr, r.sqnrDb);
      if (r.sensitivityPp !== null) maxSens = Math.max(maxSens, Math.abs(r.sensitivityPp));
    }
  }
  return { maxBytes, maxSqnr, maxSens };
}

/** Width (%) of a bar of `v` on a scale to `max`: square-root scale for bytes (float32 layers dwarf PQ ones), linear otherwise; never under 1 % for a positive value. */
export function barPct(v: number | null, max: number, sqrt = false): number {
  if (v === null || !(v > 0) || !(max > 0)) return 0;
  const f = sqrt ? Math.sqrt(v / max) : v / max;
  return Math.max(1, Math.min(100, 100 * f));
}
