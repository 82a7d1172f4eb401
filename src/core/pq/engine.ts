/**
 * The Lloyd engine: the hot step of k-means and of assignment — nearest codeword of every point and,
 * optionally, per-cluster sums — behind one interface with two implementations that give identical
 * results: a WebAssembly SIMD128 kernel (engine-wasm.ts) and plain TypeScript (engine-ts.ts).
 *
 * Scores use the expansion ||x - c||² = ||x||² - 2 x·c + ||c||² without the per-point constant ||x||²:
 * score(x, c) = ||c||² + sum_j x[j] * (-2 c[j]), in float32, j ascending; the smallest score wins and
 * the lowest index breaks ties. The inertia is computed exactly (float64) against the chosen codeword.
 */

/** Which implementation runs the hot loop: 'auto' = WASM SIMD when the runtime has it, else TS. */
export type Backend = 'auto' | 'wasm' | 'ts';

/** One data set (n x d) bound to codebooks of k codewords. */
export interface LloydEngine {
  readonly backend: 'wasm' | 'ts';
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /** Loads a (k x d) codebook for the next passes. */
  setCodebook(codebook: Float32Array): void;
  /**
   * Assigns every point to its nearest codeword; with `accumulate`, also zeroes and fills `sums` and
   * `counts`. Returns the inertia: the float64 sum of squared distances to the chosen codewords.
   */
  pass(accumulate: boolean): number;
  /** (n) codeword index per point after the last pass; a live view, copy it before the next pass. */
  readonly assignments: Uint32Array;
  /** (k x d) float64 sums of the points of each cluster, after an accumulating pass. */
  readonly sums: Float64Array;
  /** (k) points per cluster, after an accumulating pass. */
  readonly counts: Uint32Array;
}

/** (k) ||c||² of every codeword, summed in float32 with j ascending (both engines use this). */
export function codewordNorms(codebook: Float32Array, k: number, d: number, out = new Float32Array(k)): Float32Array {
  const f = Math.fround;
  for (let c = 0, r = 0; c < k; c++, r += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s = f(s + f(codebook[r + j] * codebook[r + j]));
    out[c] = s;
  }
  return out;
}
