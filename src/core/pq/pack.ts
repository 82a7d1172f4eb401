/**
 * Bit packing of codeword indices: an LSB-first, little-endian bit stream (README.md, "Packed indices").
 * Index i occupies stream bits [i * bits, (i + 1) * bits), its least significant bit first; stream bit p
 * is bit (p % 8) of byte floor(p / 8). The last byte is zero-filled.
 */

/** Bits per index for a codebook of k codewords: ceil(log2 k), at least 1. */
export function bitsFor(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > 2 ** 32) throw new Error(`bitsFor: k must be an integer in [1, 2^32], got ${k}`);
  let bits = 1;
  while (2 ** bits < k) bits++;
  return bits;
}

function checkBits(fn: string, bits: number): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new Error(`${fn}: bits must be an integer in 1..16, got ${bits}`);
}

/** Bytes that `n` indices of `bits` bits take when packed. */
export function packedLength(n: number, bits: number): number {
  return Math.ceil((n * bits) / 8);
}

/** Packs indices (each < 2^bits) into an LSB-first bit stream of ceil(n * bits / 8) bytes. */
export function packIndices(idx: ArrayLike<number>, bits: number): Uint8Array {
  checkBits('packIndices', bits);
  const n = idx.length;
  const out = new Uint8Array(packedLength(n, bits));
  const limit = 1 << bits;
  let acc = 0; // pending bits, LSB first (at most 7 + 16 = 23 bits)
  let nAcc = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = idx[i];
    if (!(v >= 0 && v < limit) || !Number.isInteger(v)) {
      throw new Error(`packIndices: index ${i} is ${v}, which does not fit in ${bits} bits (0..${limit - 1}); use bitsFor(k) bits`);
    }
    acc |= v << nAcc;
    nAcc += bits;
    while (nAcc >= 8) {
      out[o++] = acc & 0xff;
      acc >>>= 8;
      nAcc -= 8;
    }
  }
  if (nAcc > 0) out[o] = acc & 0xff;
  return out;
}

/** Unpacks `n` indices of `bits` bits from an LSB-first bit stream (the inverse of packIndices). */
export function unpackIndices(bytes: Uint8Array, bits: number, n: number): Uint16Array {
  checkBits('unpackIndices', bits);
  if (!Number.isInteger(n) || n < 0) throw new Error(`unpackIndices: n must be a non-negative integer, got ${n}`);
  const need = packedLength(n, bits);
  if (bytes.length < need) throw new Error(`unpackIndices: ${n} indices of ${bits} bits need ${need} bytes, got ${bytes.length}`);
  const out = new Uint16Array(n);
  const mask = (1 << bits) - 1;
  let acc = 0;
  let nAcc = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    while (nAcc < bits) {
      acc |= bytes[p++] << nAcc;
      nAcc += 8;
    }
    out[i] = acc & mask;
    acc >>>= bits;
    nAcc -= bits;
  }
  return out;
}
