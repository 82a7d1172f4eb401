/** The Pareto front of (size, accuracy) points: smallest size for its accuracy. Pure. */

/** Indices of the points no other point beats on both size (lower) and accuracy (higher), by size. */
export function paretoFront(points: { bytes: number; accuracy: number }[]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a].bytes - points[b].bytes || points[b].accuracy - points[a].accuracy);
  const front: number[] = [];
  let best = -Infinity;
  for (const i of order) {
    if (points[i].accuracy > best) { front.push(i); best = points[i].accuracy; }
  }
  return front;
}

/**
 * The accuracy axis (%) of a sweep chart: from just below the lowest point to just above the highest,
 * on whole steps, never past 100 % nor under 0 %. A single point or equal points get a 2-point window.
 */
export function accuracyDomain(accuracies: number[]): [number, number] {
  if (accuracies.length === 0) return [0, 100];
  const pct = accuracies.map((a) => a * 100);
  const lo = Math.min(...pct);
  const hi = Math.max(...pct);
  const pad = Math.max(0.5, (hi - lo) * 0.08);
  const step = hi - lo > 20 ? 5 : 1;
  const a = Math.max(0, Math.floor((lo - pad) / step) * step);
  const b = Math.min(100, Math.ceil((hi + pad) / step) * step);
  return b > a ? [a, b] : [Math.max(0, b - 2), Math.min(100, a + 2)];
}

/** The label of a sweep point: "d 4, K 64". */
export const pointLabel = (p: { d: number; k: number }): string => `d ${p.d}, K ${p.k}`;
