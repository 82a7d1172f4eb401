/**
 * Ahead-of-time arena planning with buffer reuse (the greedy-by-size scheme of TFLM's memory planner):
 * buffers are placed largest first, each at the lowest offset where it overlaps no already placed buffer
 * whose lifetime intersects its own. Offsets are in float32 elements, aligned to ALIGN_FLOATS (16 bytes).
 */

/** Offsets are multiples of this many floats (16 bytes). */
export const ALIGN_FLOATS = 4;

/** One buffer to place: `size` floats, live from step `first` to step `last` inclusive. */
export interface ArenaBuffer { size: number; first: number; last: number }

/** Placement: `offsets[i]` of buffer i, and the arena size in floats (end of the highest buffer). */
export interface ArenaPlacement { offsets: Int32Array; size: number }

const alignUp = (n: number) => Math.ceil(n / ALIGN_FLOATS) * ALIGN_FLOATS;

/** Places buffers so that no two with intersecting lifetimes share memory; deterministic. */
export function planArena(buffers: ArenaBuffer[]): ArenaPlacement {
  const n = buffers.length;
  const order = buffers.map((_, i) => i).sort((a, b) => buffers[b].size - buffers[a].size || buffers[a].first - buffers[b].first || a - b);
  const offsets = new Int32Array(n).fill(-1);
  const placed: number[] = [];
  let size = 0;
  for (const i of order) {
    const b = buffers[i];
    // Conflicting placed buffers (lifetimes intersect), by offset.
    const busy = placed.filter((j) => buffers[j].first <= b.last && b.first <= buffers[j].last)
      .sort((p, q) => offsets[p] - offsets[q]);
    let at = 0;
    for (const j of busy) {
      if (at + b.size <= offsets[j]) break;
      at = Math.max(at, alignUp(offsets[j] + buffers[j].size));
    }
    offsets[i] = at;
    placed.push(i);
    size = Math.max(size, at + b.size);
  }
  return { offsets, size: alignUp(size) };
}

/** Sum of the sizes of the buffers live at each step 0..steps-1 (floats). */
export function liveSizes(buffers: ArenaBuffer[], steps: number): Float64Array {
  const live = new Float64Array(steps);
  for (const b of buffers) for (let s = Math.max(0, b.first); s <= b.last && s < steps; s++) live[s] += b.size;
  return live;
}
