/** The section list of a bundle being written, and the helpers that add float sections to it. */
import type { Tensor } from '../models/ir';
import { storedScales } from '../compress/encode/stored';
import { toF16Array } from '../util/f16';
import { bytesOf } from './encode';
import type { BundleManifest, Dtype } from './format';

type Payload = Float32Array | Uint16Array | Int16Array | Int32Array | Int8Array | Uint8Array;

/** Collects sections in order: manifest entries and their payloads. */
export class SectionList {
  readonly entries: BundleManifest['sections'] = [];
  readonly payloads: Uint8Array[] = [];

  add(name: string, dtype: Dtype, data: Payload): number {
    this.entries.push({ name, dtype, count: data.length, offset: 0, length: 0, crc32: 0 });
    this.payloads.push(bytesOf(data));
    return this.entries.length - 1;
  }
}

export function checkFinite(where: string, a: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new Error(`writeBundle: ${where} holds a non-finite value at ${i}; fix the model before bundling`);
  }
  return a;
}

/** A PQ/int8 scales section: float16 (the values the pipeline stored; others are rounded here). */
export function scalesSection(s: SectionList, name: string, scales: Float32Array): number {
  return s.add(name, 'f16', toF16Array(storedScales(checkFinite(name, scales), name), name));
}

export function tensorSection(s: SectionList, name: string, t: Tensor): number {
  return s.add(name, 'f32', checkFinite(name, t.data));
}

