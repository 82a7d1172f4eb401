/**
 * A small seeded pseudo-random generator (mulberry32) with the few draws the data generators need.
 * Deterministic across platforms: only 32-bit integer maths and Math.imul, no Math.random.
 * `scripts/data/images.mjs` carries a plain-JS copy of `next` and `permutation`; keep them identical.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, one value per call). */
  normal(): number;
  /** Normal with the given mean and standard deviation. */
  gauss(mean: number, sd: number): number;
  /** One element of `items`, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** Creates a generator from a 32-bit seed; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal,
    gauss: (mean, sd) => mean + sd * normal(),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Derives an independent seed from a base seed and a tag (FNV-1a over the tag, mixed with the seed). */
export function deriveSeed(seed: number, tag: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < tag.length; i++) {
    h ^= tag.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A seeded permutation of 0..n-1 (Fisher–Yates from the end, one `next()` per step). */
export function permutation(n: number, rng: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
