/** Input checks shared by kmeans and assign: errors say what is wrong and what to do. */

/** Throws unless x holds n finite (n x d) rows and n, d are positive integers. */
export function checkPoints(fn: string, x: Float32Array, n: number, d: number): void {
  if (!(x instanceof Float32Array)) throw new Error(`${fn}: x must be a Float32Array of (n x d) values`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${fn}: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new Error(`${fn}: d must be a positive integer, got ${d}`);
  if (x.length < n * d) throw new Error(`${fn}: x has ${x.length} values but n * d = ${n * d}; pass the right n and d`);
  for (let i = 0; i < n * d; i++) {
    if (!Number.isFinite(x[i])) {
      throw new Error(`${fn}: x[${i}] (row ${Math.floor(i / d)}) is ${x[i]}; replace NaN/Infinity weights before clustering`);
    }
  }
}

/** Throws unless codebook holds k finite (k x d) rows. */
export function checkCodebook(fn: string, codebook: Float32Array, k: number, d: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`${fn}: k must be a positive integer, got ${k}`);
  if (!(codebook instanceof Float32Array) || codebook.length < k * d) {
    throw new Error(`${fn}: the codebook must be a Float32Array of k * d = ${k * d} values, got ${codebook.length}`);
  }
  for (let i = 0; i < k * d; i++) {
    if (!Number.isFinite(codebook[i])) throw new Error(`${fn}: codebook[${i}] is ${codebook[i]}; codewords must be finite`);
  }
}

/** A Uint16Array for k <= 65536 codewords, else Uint32Array, holding `src`. */
export function indexArray(src: Uint32Array, k: number): Uint16Array | Uint32Array {
  return k <= 65536 ? Uint16Array.from(src) : Uint32Array.from(src);
}
