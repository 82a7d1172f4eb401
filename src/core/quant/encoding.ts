/**
 * How a weight layer's kernel is stored: the encodings the compression pipeline makes and the int8
 * lowering (lower.ts) reads. Plain data (structured-clones to workers).
 */
import type { SubvectorLayout } from '../pq/layout';

/**
 * How one weight layer's kernel is stored.
 * - `pq`: `indices` holds `layout.count` indices of `bits` bits each, packed LSB-first by the PQ engine's
 *   `packIndices`; weight = codeword value * scale, where `scales` is null (no normalization), length 1
 *   (per layer) or `layout.units` (per output unit). Padding weights are dropped at decode.
 * - `int8`: `q` in the kernel's own row-major order; symmetric per output channel:
 *   weight = q * scales[c], c = flat index % units (units = last axis, or cin * depthMultiplier).
 * - `float32`: the kernel stays in the model IR as is.
 * Scales are float16 values (the pipeline rounds them where it makes them).
 */
export type LayerEncoding =
  | { format: 'pq'; group: string; layout: SubvectorLayout; bits: number; indices: Uint8Array; scales: Float32Array | null }
  | { format: 'int8'; q: Int8Array; scales: Float32Array }
  | { format: 'float32' };

/**
 * A codebook as the lowering reads it: (k x d) values, and for an int8 codebook its one scale (every
 * value is then an int8 times `scale`, as float32). The pipeline's CodebookGroup is one.
 */
export interface LoweringCodebook {
  name: string;
  d: number;
  k: number;
  codebook: Float32Array;
  /** Set when the values are int8 × scale (the int8 runtime's codebooks). */
  scale?: number;
}
