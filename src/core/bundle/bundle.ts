import { fromF16Array } from '../util/f16';
import { DTYPE_BYTES } from './format';
import type { BundleManifest, Dtype } from './format';

/**
 * A validated bundle: the file's bytes (a private copy, 16-byte aligned) and its checked manifest.
 * Only `readBundle` makes one, and only after every check passed, so a Bundle is always complete and
 * consistent: every section lies inside the data area with a good CRC, every reference resolves, every
 * shape agrees, every index is below its codebook size.
 */
export interface Bundle {
  readonly bytes: Uint8Array;
  /** File offset of the data area; section offsets are relative to it. */
  readonly dataOffset: number;
  readonly manifest: BundleManifest;
}

/** Typed array of each dtype. */
export interface DtypeArray { f32: Float32Array; f16: Uint16Array; i8: Int8Array; u8: Uint8Array; i32: Int32Array; i16: Int16Array }

/** True on little-endian hosts (every browser and Node platform in practice); the format is little-endian. */
export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A typed view (no copy) of section `index` of the bytes, whose data area starts at `dataOffset`. */
export function viewOf<T extends Dtype>(bytes: Uint8Array, dataOffset: number, manifest: BundleManifest, index: number, dtype: T): DtypeArray[T] {
  const s = manifest.sections[index];
  if (!s || s.dtype !== dtype) throw new Error(`section ${index} is not a ${dtype} section (bug: validate first)`);
  const start = bytes.byteOffset + dataOffset + s.offset;
  const buf = bytes.buffer;
  switch (dtype) {
    case 'f32': return new Float32Array(buf, start, s.count) as DtypeArray[T];
    case 'f16': return new Uint16Array(buf, start, s.count) as DtypeArray[T];
    case 'i32': return new Int32Array(buf, start, s.count) as DtypeArray[T];
    case 'i8': return new Int8Array(buf, start, s.count) as DtypeArray[T];
    case 'i16': return new Int16Array(buf, start, s.count) as DtypeArray[T];
    default: return new Uint8Array(buf, start, s.count * DTYPE_BYTES.u8) as DtypeArray[T];
  }
}

/** A typed view (no copy) of a section of a validated bundle. */
export function sectionView<T extends Dtype>(b: Bundle, index: number, dtype: T): DtypeArray[T] {
  return viewOf(b.bytes, b.dataOffset, b.manifest, index, dtype);
}

/**
 * The float values of an `f32` or `f16` section of a validated bundle: a view for `f32`, a decoded
 * copy for `f16` (biases and scales: a few values per output channel; codebooks: k x d values, for the
 * exports, while the runtimes convert codeword values as they read them).
 */
export function floatSection(b: Bundle, index: number): Float32Array {
  const s = b.manifest.sections[index];
  if (s?.dtype === 'f16') return fromF16Array(sectionView(b, index, 'f16'));
  return sectionView(b, index, 'f32');
}

/** Names of the bundle's models, in order. */
export function modelNames(b: Bundle): string[] {
  return b.manifest.models.map((m) => m.name);
}
