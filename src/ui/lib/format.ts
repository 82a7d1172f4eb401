/** Number formatting with units, shared by tables, cards and chart axes. Pure. */

const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "—" for a missing figure: never a guess. */
export const MISSING = '—';

/** Bytes as B / KB / MB (1 KB = 1024 B, as MCU memory sizes are quoted). */
export function formatBytes(b: number | null | undefined): string {
  if (b === null || b === undefined || !Number.isFinite(b)) return MISSING;
  if (Math.abs(b) < 1024) return `${nf0.format(b)} B`;
  if (Math.abs(b) < 1024 * 1024) return `${nf1.format(b / 1024)} KB`;
  return `${nf2.format(b / 1024 / 1024)} MB`;
}

/** A count with thousands separators, or k / M for large values when `compact`. */
export function formatCount(n: number | null | undefined, compact = false): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return MISSING;
  if (compact && Math.abs(n) >= 1e6) return `${nf2.format(n / 1e6)} M`;
  if (compact && Math.abs(n) >= 1e4) return `${nf1.format(n / 1e3)} k`;
  return nf0.format(n);
}

/** A fraction in [0, 1] as a percentage with `digits` decimals. */
export function formatPct(f: number | null | undefined, digits = 1): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return MISSING;
  return `${(f * 100).toFixed(digits)} %`;
}

/** Microseconds as µs / ms / s. */
export function formatUs(us: number | null | undefined): string {
  if (us === null || us === undefined || !Number.isFinite(us)) return MISSING;
  const a = Math.abs(us);
  if (a < 1000) return `${nf0.format(us)} µs`;
  if (a < 1e6) return `${(us / 1000).toFixed(a < 1e4 ? 2 : 1)} ms`;
  return `${(us / 1e6).toFixed(2)} s`;
}

/** Energy in µJ as µJ / mJ / J. */
export function formatUj(uj: number | null | undefined): string {
  if (uj === null || uj === undefined || !Number.isFinite(uj)) return MISSING;
  const a = Math.abs(uj);
  if (a < 1000) return `${uj.toFixed(a < 10 ? 2 : 0)} µJ`;
  if (a < 1e6) return `${(uj / 1000).toFixed(2)} mJ`;
  return `${(uj / 1e6).toFixed(2)} J`;
}

/** A decibel figure ("∞ dB" for an exact reconstruction). */
export function formatDb(db: number | null | undefined): string {
  if (db === null || db === undefined || Number.isNaN(db)) return MISSING;
  if (db === Infinity) return '∞ dB';
  return `${db.toFixed(1)} dB`;
}

/** A ratio such as a compression factor: "12.4×". */
export function formatRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return MISSING;
  return `${r.toFixed(r < 10 ? 2 : 1)}×`;
}
