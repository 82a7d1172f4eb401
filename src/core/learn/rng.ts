/**
 * A small seeded PRNG (mulberry32) for the Learn demo: the same seed gives the same weights and the
 * same k-means start everywhere. (The PQ engine's `src/core/util/random.ts` replaces it once it lands.)
 */

/** Returns a function giving uniform floats in [0, 1), determined by `seed` (any 32-bit integer). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
