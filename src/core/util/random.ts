/**
 * Seeded randomness for the whole project (k-means init, sample subsets, data generators, demos, test
 * fixtures): one generator, mulberry32 (`prng.mjs`, shared with the install-time data scripts), and one
 * type, `Rng`. Everything is deterministic for a seed and identical in browsers, workers and Node.
 */
import { mulberry32 } from './prng.mjs';

/**
 * A seeded random stream: each call (or `next()`) gives the next uniform number in [0, 1); the methods draw
 * other distributions from the same stream.
 */
export interface Rng {
  (): number;
  /** Uniform in [0, 1) (the same as calling the Rng). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller, two uniforms per value). */
  normal(): number;
  /** Normal with the given mean and standard deviation: mean + sd * normal(). */
  gauss(mean: number, sd: number): number;
  /** One element of `items`, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** The mulberry32 stream of a 32-bit seed as an `Rng`; the same seed always gives the same draws. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]: log(u) is finite
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return Object.assign(() => next(), {
    next,
    uniform: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (n: number) => Math.floor(next() * n),
    normal,
    gauss: (mean: number, sd: number) => mean + sd * normal(),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  });
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

/** A seeded permutation of 0..n-1 (Fisher–Yates from the end, one draw per step); see prng.mjs. */
export { permutation } from './prng.mjs';

/** A Laplace sample with location `mean` and scale `b` (variance 2b²); one uniform per call. */
export function laplacian(rng: Rng, mean = 0, b = 1): number {
  const u = rng() - 0.5; // [-0.5, 0.5)
  const a = 1 - 2 * Math.abs(u); // (0, 1]
  return mean - b * Math.sign(u) * Math.log(a);
}

/** Writable array-likes that `shuffle` accepts (plain arrays and typed arrays). */
export interface MutableArrayLike<T> {
  length: number;
  [i: number]: T;
}

/** Shuffles `a` in place (Fisher–Yates) and returns it. */
export function shuffle<T, A extends MutableArrayLike<T>>(a: A, rng: Rng): A {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/**
 * `m` distinct indices from [0, n), in random order (a partial Fisher–Yates over an index array;
 * O(n) memory, O(n + m) time).
 */
export function sampleIndices(n: number, m: number, rng: Rng): Uint32Array {
  if (!Number.isInteger(n) || !Number.isInteger(m) || m < 0 || m > n) {
    throw new Error(`sampleIndices: need integers 0 <= m <= n, got n=${n}, m=${m}`);
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, m);
}
