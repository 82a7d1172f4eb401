/**
 * Class-balanced train/val/test splits from a seeded sample generator (the synthetic suite tasks).
 * Each split has its own stream (seed, split) so that changing one split's size leaves the others' samples
 * as they were; within a split the classes take turns (0, 1, ..., C-1, 0, ...).
 */
import type { SplitName } from '../types';
import { SPLIT_NAMES } from '../types';
import type { Rng } from '../../util/random';
import { createRng } from '../../util/random';

/** How to generate one task's splits. */
export interface BalancedOptions {
  classes: number;
  /** Values per sample (prod(inputShape)). */
  sampleSize: number;
  /** Samples per class in each split. */
  perClass: Record<SplitName, number>;
  seed: number;
  /** Storage type: the sample values are rounded and clamped to it by `quantize`. */
  dtype: 'uint8' | 'int16';
  /** Stored value of a generated value (e.g. v / lsb); rounded and clamped to the dtype's range. */
  quantize: (v: number) => number;
}

/** A generated split as stored: quantized samples (n x sampleSize) and labels (n). */
export interface GeneratedSplit { x: Uint8Array | Int16Array; y: Uint8Array }

/** Generates every split: `make(cls, rng)` returns one sample of `sampleSize` values. */
export function generateBalanced(make: (cls: number, rng: Rng) => ArrayLike<number>, o: BalancedOptions): Record<SplitName, GeneratedSplit> {
  if (o.classes < 1 || o.classes > 256) throw new Error(`generateBalanced: ${o.classes} classes (1..256 fit a uint8 label)`);
  const [lo, hi] = o.dtype === 'uint8' ? [0, 255] : [-32768, 32767];
  const out = {} as Record<SplitName, GeneratedSplit>;
  SPLIT_NAMES.forEach((s, k) => {
    const n = o.perClass[s] * o.classes;
    const rng = createRng((Math.imul(o.seed >>> 0, 7919) + 101 * (k + 1)) >>> 0);
    const x = o.dtype === 'uint8' ? new Uint8Array(n * o.sampleSize) : new Int16Array(n * o.sampleSize);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cls = i % o.classes;
      const v = make(cls, rng);
      if (v.length !== o.sampleSize) throw new Error(`generateBalanced: a sample of class ${cls} has ${v.length} values, not ${o.sampleSize}`);
      for (let j = 0; j < o.sampleSize; j++) x[i * o.sampleSize + j] = Math.max(lo, Math.min(hi, Math.round(o.quantize(v[j]))));
      y[i] = cls;
    }
    out[s] = { x, y };
  });
  return out;
}
