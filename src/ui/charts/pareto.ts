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
