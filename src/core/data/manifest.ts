import type { Modality, SplitName } from './types';
import { SPLIT_NAMES } from './types';

/** Element type of the stored samples; `x = stored * scale + offset` on load. */
export type StoredDtype = 'uint8' | 'int16' | 'float32';

/** Bytes per element of each stored dtype. */
export const DTYPE_BYTES: Record<StoredDtype, number> = { uint8: 1, int16: 2, float32: 4 };

/**
 * How a split file is stored on disk: raw; raw DEFLATE (RFC 1951, no zlib/gzip header); or DEFLATE after
 * byte-shuffling the x section (all first bytes of the elements, then all second bytes, ...: the HDF5
 * "shuffle" filter, which makes multi-byte samples compress much better).
 */
export type Compression = 'none' | 'deflate' | 'shuffle-deflate';
export const COMPRESSIONS: readonly Compression[] = ['none', 'deflate', 'shuffle-deflate'];

/** One split file: `x` bytes (n x prod(inputShape) x dtype, little-endian) then `y` bytes (n uint8). */
export interface SplitEntry {
  /** File name, relative to the task folder (e.g. `train.bin`). */
  file: string;
  /** Number of samples. */
  n: number;
  compression: Compression;
  /** Size of the file as stored. */
  bytes: number;
  /** CRC-32 of the file as stored. */
  crc32: number;
  /** Size after decompression (= bytes when compression is none). */
  rawBytes: number;
  /** Samples per class, in class order (informative; checked on load). */
  classCounts: number[];
}

/** The `manifest.json` of one task folder (see src/core/data/README.md). */
export interface DatasetManifest {
  format: 'yono-dataset';
  version: 1;
  name: string;
  modality: Modality;
  synthetic: boolean;
  description: string;
  /** Where the samples come from, for the README/UI (package, generator, seed). */
  source: string;
  inputShape: number[];
  classNames: string[];
  /** De-quantization: x = stored * scale + offset, computed in float64, stored as float32. */
  x: { dtype: StoredDtype; scale: number; offset: number };
  /** Seed the splits (and synthetic samples) were made with. */
  seed: number;
  splits: Record<SplitName, SplitEntry>;
  /** Task-specific extras, e.g. the feature-extraction settings of an audio task. */
  extra?: Record<string, unknown>;
}

const MODALITIES: readonly Modality[] = ['image', 'audio', 'sensor', 'text'];

function fail(what: string): never {
  throw new Error(`Dataset manifest is invalid: ${what}. Regenerate it with \`npm run data\` (or \`npm install\` for digits/fashion).`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function checkSplit(name: string, v: unknown, numClasses: number): SplitEntry {
  if (!isObj(v)) fail(`splits.${name} is missing`);
  const { file, n, compression, bytes, crc32, rawBytes, classCounts } = v;
  if (typeof file !== 'string' || file === '' || file.includes('..') || file.startsWith('/')) fail(`splits.${name}.file must be a plain file name`);
  if (!isNat(n) || !isNat(bytes) || !isNat(rawBytes) || !isNat(crc32) || crc32 > 0xffffffff) fail(`splits.${name} needs non-negative integers n, bytes, rawBytes, crc32`);
  if (!COMPRESSIONS.includes(compression as Compression)) fail(`splits.${name}.compression must be one of ${COMPRESSIONS.join(', ')}, got ${String(compression)}`);
  if (!Array.isArray(classCounts) || classCounts.length !== numClasses || !classCounts.every(isNat)) fail(`splits.${name}.classCounts must hold ${numClasses} counts`);
  if (classCounts.reduce((a: number, b: number) => a + b, 0) !== n) fail(`splits.${name}.classCounts do not add up to n = ${n}`);
  return { file, n, compression: compression as Compression, bytes, crc32, rawBytes, classCounts: classCounts as number[] };
}

/** Validates parsed `manifest.json` content and returns it typed; throws an Error naming the bad field. */
export function parseManifest(json: unknown): DatasetManifest {
  if (!isObj(json)) fail('it is not a JSON object');
  if (json.format !== 'yono-dataset') fail(`format must be "yono-dataset", got ${JSON.stringify(json.format)}`);
  if (json.version !== 1) fail(`version ${JSON.stringify(json.version)} is not supported (this reader knows version 1)`);
  const { name, modality, synthetic, description, source, inputShape, classNames, x, seed, splits, extra } = json;
  if (typeof name !== 'string' || name === '') fail('name must be a non-empty string');
  if (!MODALITIES.includes(modality as Modality)) fail(`modality must be one of ${MODALITIES.join(', ')}`);
  if (typeof synthetic !== 'boolean') fail('synthetic must be true or false');
  if (typeof description !== 'string' || typeof source !== 'string') fail('description and source must be strings');
  if (!Array.isArray(inputShape) || inputShape.length === 0 || !inputShape.every((d) => isNat(d) && d > 0)) fail('inputShape must be a list of positive integers');
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.length > 256 || !classNames.every((c) => typeof c === 'string')) fail('classNames must list 2 to 256 names');
  if (!isObj(x) || !(typeof x.dtype === 'string' && x.dtype in DTYPE_BYTES) || typeof x.scale !== 'number' || !Number.isFinite(x.scale) || typeof x.offset !== 'number' || !Number.isFinite(x.offset)) {
    fail('x must be { dtype: "uint8" | "int16" | "float32", scale: number, offset: number }');
  }
  if (!isNat(seed)) fail('seed must be a non-negative integer');
  if (!isObj(splits)) fail('splits is missing');
  if (extra !== undefined && !isObj(extra)) fail('extra must be an object when present');
  const nc = classNames.length;
  const parsed = {} as Record<SplitName, SplitEntry>;
  for (const s of SPLIT_NAMES) parsed[s] = checkSplit(s, splits[s], nc);
  return {
    format: 'yono-dataset', version: 1, name, modality: modality as Modality, synthetic, description, source,
    inputShape: inputShape as number[], classNames: classNames as string[],
    x: { dtype: x.dtype as StoredDtype, scale: x.scale as number, offset: x.offset as number },
    seed, splits: parsed, ...(extra !== undefined ? { extra: extra as Record<string, unknown> } : {}),
  };
}
