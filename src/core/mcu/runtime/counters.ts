/**
 * Operation counters the kernels bump while they run: what one op actually did, not a formula.
 * One instance per runtime; the executor folds each op's figures into its layer's row.
 */
export class Counters {
  /** Multiply-accumulates executed (taps in padding are skipped, not counted). */
  macs = 0;
  /** Elements read by pooling and elementwise ops. */
  elementOps = 0;
  /** Codeword fetches, indices unpacked, weights written to the decode scratch. */
  lookups = 0;
  unpacked = 0;
  decoded = 0;
  /** Weight, index, codebook, scale, bias and batch-norm bytes fetched from flash. */
  flashBytes = 0;
  /** Float loads from and stores to activation buffers, in bytes. */
  actRead = 0;
  actWritten = 0;

  reset(): void {
    this.macs = 0; this.elementOps = 0; this.lookups = 0; this.unpacked = 0; this.decoded = 0;
    this.flashBytes = 0; this.actRead = 0; this.actWritten = 0;
  }
}

/** Fields of a counters row, in order. */
export const COUNTER_FIELDS = ['macs', 'elementOps', 'lookups', 'unpacked', 'decoded', 'flashBytes', 'actRead', 'actWritten'] as const;

/** Adds the counters into row `row` of `table` (rows of COUNTER_FIELDS.length). */
export function accumulate(c: Counters, table: Float64Array, row: number): void {
  const o = row * COUNTER_FIELDS.length;
  for (let i = 0; i < COUNTER_FIELDS.length; i++) table[o + i] += c[COUNTER_FIELDS[i]];
}
