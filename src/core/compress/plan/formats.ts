/**
 * Codebook formats of the allocation: a shared codebook of subvector length d and K codewords, for one
 * kernel class or both, named `<family><d>k<K>`: `s9k256` (spatial kernels: 3×3, depthwise, conv1d k > 1),
 * `p8k64` (pointwise: 1×1, conv1d k = 1, dense), `a2k256` (any kernel). Bits per weight: log2(K) / d.
 */
import type { WeightLayer } from '../../models/ir';
import { kernelClass } from './routing';

/** Which kernels a format's codebook serves. */
export type FormatFamily = 'spatial' | 'pointwise' | 'any';

/** A codebook format. */
export interface FormatSpec {
  /** `<s|p|a><d>k<K>`, also the name of its codebook group. */
  name: string;
  family: FormatFamily;
  d: number;
  k: number;
}

const FAMILY: Record<string, FormatFamily> = { s: 'spatial', p: 'pointwise', a: 'any' };

/** Parses a format name (case-insensitive); throws naming the expected form. */
export function parseFormat(name: string): FormatSpec {
  const m = /^([spa])(\d+)k(\d+)$/.exec(name.trim().toLowerCase());
  const d = m ? Number(m[2]) : NaN;
  const k = m ? Number(m[3]) : NaN;
  if (!m || !(d >= 1 && d <= 64) || !(k >= 2 && k <= 65536)) {
    throw new Error(`format '${name}' is not <s|p|a><d>k<K> with d in 1..64 and K in 2..65536 (e.g. s9k256 for spatial kernels, p8k64 for 1x1/dense, a2k256 for any)`);
  }
  return { name: `${m[1]}${d}k${k}`, family: FAMILY[m[1]], d, k };
}

/** True when a format's codebook may hold `layer`'s kernel. */
export function formatApplies(f: FormatSpec, layer: WeightLayer): boolean {
  return f.family === 'any' || f.family === kernelClass(layer);
}

/** Suffix of an allocation option that stores a layer with one scale for the whole layer (`s9k256/layer`). */
export const LAYER_SCALE_SUFFIX = '/layer';

/** The codebook an allocation option uses (`s9k256` of `s9k256/layer`), or null for int8 and float32. */
export function optionCodebook(option: string): string | null {
  if (option === 'int8' || option === 'float32') return null;
  return option.endsWith(LAYER_SCALE_SUFFIX) ? option.slice(0, -LAYER_SCALE_SUFFIX.length) : option;
}

/** Bits per weight of a format's indices (before the per-unit scales). */
export const bitsPerWeight = (f: Pick<FormatSpec, 'd' | 'k'>): number => Math.ceil(Math.log2(f.k)) / f.d;
