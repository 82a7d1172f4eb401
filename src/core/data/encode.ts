import { deflateSync } from 'fflate';
import { crc32 } from './crc32';
import { sampleSize } from './decode';
import type { Compression, DatasetManifest, StoredDtype } from './manifest';
import { DTYPE_BYTES } from './manifest';
import type { SplitName } from './types';
import { SPLIT_NAMES } from './types';

/** Samples of one split as stored (already quantized) plus labels. */
export interface StoredSplit {
  /** (n x prod(inputShape)) */
  x: Uint8Array | Int16Array | Float32Array;
  /** (n) */
  y: Uint8Array;
}

/** Everything in a manifest except what the encoder computes. */
export type DatasetMeta = Omit<DatasetManifest, 'format' | 'version' | 'splits'>;

/** An encoded task: its manifest and the split files to write next to it. */
export interface EncodedDataset {
  manifest: DatasetManifest;
  /** File name -> bytes as stored. */
  files: Record<string, Uint8Array>;
}

function dtypeOf(x: StoredSplit['x']): StoredDtype {
  return x instanceof Uint8Array ? 'uint8' : x instanceof Int16Array ? 'int16' : 'float32';
}

/** Little-endian bytes of a typed array (a copy). */
function leBytes(x: StoredSplit['x']): Uint8Array {
  if (x instanceof Uint8Array) return x;
  const out = new Uint8Array(x.length * x.BYTES_PER_ELEMENT);
  const dv = new DataView(out.buffer);
  if (x instanceof Int16Array) for (let i = 0; i < x.length; i++) dv.setInt16(2 * i, x[i], true);
  else for (let i = 0; i < x.length; i++) dv.setFloat32(4 * i, x[i], true);
  return out;
}

/** Byte planes of elements of `size` bytes: byte j of element i goes to j * m + i (the HDF5 shuffle filter). */
export function byteShuffle(bytes: Uint8Array, size: number): Uint8Array {
  if (size === 1) return bytes;
  const m = bytes.length / size;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < m; i++) for (let j = 0; j < size; j++) out[j * m + i] = bytes[i * size + j];
  return out;
}

/**
 * Encodes the three splits into split files (`train.bin`, `val.bin`, `test.bin`: x bytes then y bytes,
 * optionally deflated, see Compression) and the manifest that describes them. Deterministic: same input, same bytes.
 */
export function encodeDataset(meta: DatasetMeta, splits: Record<SplitName, StoredSplit>, compression: Compression = 'none'): EncodedDataset {
  const d = sampleSize(meta.inputShape);
  const nc = meta.classNames.length;
  const files: Record<string, Uint8Array> = {};
  const entries = {} as DatasetManifest['splits'];
  for (const s of SPLIT_NAMES) {
    const { x, y } = splits[s];
    const n = y.length;
    if (dtypeOf(x) !== meta.x.dtype) throw new Error(`encodeDataset(${meta.name}): split ${s} holds ${dtypeOf(x)} samples but x.dtype is ${meta.x.dtype}.`);
    if (x.length !== n * d) throw new Error(`encodeDataset(${meta.name}): split ${s} has ${x.length} values for ${n} labels x ${d} values per sample.`);
    const classCounts = new Array<number>(nc).fill(0);
    for (let i = 0; i < n; i++) {
      if (y[i] >= nc) throw new Error(`encodeDataset(${meta.name}): label ${y[i]} in split ${s} is out of range (${nc} classes).`);
      classCounts[y[i]]++;
    }
    const raw = new Uint8Array(n * d * DTYPE_BYTES[meta.x.dtype] + n);
    const xb = leBytes(x);
    raw.set(compression === 'shuffle-deflate' ? byteShuffle(xb, DTYPE_BYTES[meta.x.dtype]) : xb, 0);
    raw.set(y, raw.length - n);
    const stored = compression === 'none' ? raw : deflateSync(raw, { level: 9, mem: 8 });
    const file = `${s}.bin`;
    files[file] = stored;
    entries[s] = { file, n, compression, bytes: stored.length, crc32: crc32(stored), rawBytes: raw.length, classCounts };
  }
  const { extra, ...rest } = meta;
  const manifest: DatasetManifest = { format: 'yono-dataset', version: 1, ...rest, splits: entries, ...(extra ? { extra } : {}) };
  return { manifest, files };
}

/** The manifest as written to disk: 2-space JSON with a final newline. */
export function manifestText(m: DatasetManifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}
