/** Decoding: subvectors rebuilt from their codeword indices. */

/** (count x d) subvectors: row i is codeword assignments[i] of the (k x d) codebook. */
export function reconstruct(assignments: ArrayLike<number>, codebook: Float32Array, d: number, count: number): Float32Array {
  if (!Number.isInteger(d) || d < 1 || codebook.length % d !== 0) {
    throw new Error(`reconstruct: the codebook length ${codebook.length} is not a multiple of d = ${d}`);
  }
  if (assignments.length < count) throw new Error(`reconstruct: ${count} subvectors asked but only ${assignments.length} assignments given`);
  const k = codebook.length / d;
  const out = new Float32Array(count * d);
  for (let i = 0; i < count; i++) {
    const a = assignments[i];
    if (!(a >= 0 && a < k)) throw new Error(`reconstruct: assignment ${i} is ${a} but the codebook has ${k} codewords`);
    out.set(codebook.subarray(a * d, a * d + d), i * d);
  }
  return out;
}
