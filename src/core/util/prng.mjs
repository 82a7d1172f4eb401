// The one seeded generator of the project (mulberry32) and the seeded permutation built on it, in plain
// JavaScript so that the install-time data converter (scripts/data/images.mjs, run by plain Node without
// tsx) uses the same code as the core. TypeScript code uses them through ./random.ts (createRng, Rng).
// Deterministic across platforms: only 32-bit integer maths and Math.imul, no Math.random.

/**
 * mulberry32: a tiny 32-bit PRNG with a 2^32 period. Returns the stream: each call gives the next
 * uniform number in [0, 1). The same seed always gives the same stream; non-integer seeds are truncated
 * to 32 bits. Data sets and saved seeds depend on this exact stream: do not change it.
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded permutation of 0..n-1 (Fisher–Yates from the end, one draw of `next` per step). */
export function permutation(n, next) {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
