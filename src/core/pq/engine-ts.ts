/** The plain TypeScript Lloyd engine: the same float32 operations as the WASM kernel, in blocks of 4 points. */
import { codewordNorms } from './engine';
import type { LloydEngine } from './engine';

/** A TS engine over the (n x d) points `x` (kept by reference, not copied) for k codewords. */
export function createTsEngine(x: Float32Array, n: number, d: number, k: number): LloydEngine {
  const neg2 = new Float32Array(k * d); // (k x d) -2c, exact in float32
  const norms = new Float32Array(k);
  const codebook = new Float32Array(k * d);
  const assignments = new Uint32Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Uint32Array(k);

  function assignAll(): void {
    const f = Math.fround;
    for (let i0 = 0; i0 < n; i0 += 4) {
      // Four points per pass over the codebook; a short last block repeats its last point.
      const p0 = i0 * d;
      const p1 = Math.min(i0 + 1, n - 1) * d;
      const p2 = Math.min(i0 + 2, n - 1) * d;
      const p3 = Math.min(i0 + 3, n - 1) * d;
      let b0 = Infinity, b1 = Infinity, b2 = Infinity, b3 = Infinity;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let c = 0, r = 0; c < k; c++, r += d) {
        let s0 = norms[c], s1 = s0, s2 = s0, s3 = s0;
        for (let j = 0; j < d; j++) {
          const w = neg2[r + j];
          s0 = f(s0 + f(x[p0 + j] * w));
          s1 = f(s1 + f(x[p1 + j] * w));
          s2 = f(s2 + f(x[p2 + j] * w));
          s3 = f(s3 + f(x[p3 + j] * w));
        }
        if (s0 < b0) { b0 = s0; a0 = c; }
        if (s1 < b1) { b1 = s1; a1 = c; }
        if (s2 < b2) { b2 = s2; a2 = c; }
        if (s3 < b3) { b3 = s3; a3 = c; }
      }
      assignments[i0] = a0;
      if (i0 + 1 < n) assignments[i0 + 1] = a1;
      if (i0 + 2 < n) assignments[i0 + 2] = a2;
      if (i0 + 3 < n) assignments[i0 + 3] = a3;
    }
  }

  function accumulate(withSums: boolean): number {
    if (withSums) { sums.fill(0); counts.fill(0); }
    let inertia = 0;
    for (let i = 0, p = 0; i < n; i++, p += d) {
      const a = assignments[i];
      const r = a * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const xv = x[p + j];
        const diff = xv - codebook[r + j];
        dist += diff * diff;
        if (withSums) sums[r + j] += xv;
      }
      if (withSums) counts[a]++;
      inertia += dist;
    }
    return inertia;
  }

  return {
    backend: 'ts', n, d, k, assignments, sums, counts,
    setCodebook(cb: Float32Array): void {
      codebook.set(cb.subarray(0, k * d));
      for (let i = 0; i < k * d; i++) neg2[i] = -2 * codebook[i];
      codewordNorms(codebook, k, d, norms);
    },
    pass(withSums: boolean): number {
      assignAll();
      return accumulate(withSums);
    },
  };
}
