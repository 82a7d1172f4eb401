/** Byte accounting of PQ-compressed weights (what a bundle really stores). */

function checkCount(fn: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new Error(`${fn}: ${name} must be a non-negative integer, got ${v}`);
}

/** Bytes of `count` indices packed at `bits` bits each: ceil(count * bits / 8). */
export function packedIndexBytes(count: number, bits: number): number {
  checkCount('packedIndexBytes', 'count', count);
  if (!Number.isInteger(bits) || bits < 1 || bits > 32) throw new Error(`packedIndexBytes: bits must be an integer in 1..32, got ${bits}`);
  return Math.ceil((count * bits) / 8);
}

/** Bytes of a (k x d) codebook stored at `bytesPerValue` bytes per value (4 = float32, 2 = float16, 1 = int8). */
export function codebookBytes(k: number, d: number, bytesPerValue = 4): number {
  checkCount('codebookBytes', 'k', k);
  checkCount('codebookBytes', 'd', d);
  if (!(bytesPerValue > 0)) throw new Error(`codebookBytes: bytesPerValue must be positive, got ${bytesPerValue}`);
  return k * d * bytesPerValue;
}

/** Bytes of `n` float32 weights (the uncompressed reference of compression ratios). */
export function float32Bytes(n: number): number {
  checkCount('float32Bytes', 'n', n);
  return 4 * n;
}
