/**
 * Small seeded random helpers shared by the whole core (k-means init, data generators, demos).
 * Everything is deterministic for a seed and identical in browsers, workers and Node.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG with a 2^32 period, good enough for sampling and test data.
 * The same seed always gives the same stream. Non-integer seeds are truncated to 32 bits.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A normal sample (Box–Muller; draws two uniforms per call). */
export function gaussian(rng: Rng, mean = 0, std = 1): number {
  const u = 1 - rng(); // (0, 1]: log(u) is finite
  const v = rng();
  return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

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
