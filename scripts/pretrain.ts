// `npm run pretrain [-- --task NAME[,NAME] | --task suite] [--epochs N]`: trains the four built-in models and
// the generalization suite's (scripts/pretrain/suite.ts) deterministically on the tfjs WASM backend (with
// our training kernels) and writes public/models/<task>/ (tfjs LayersModel files) and
// public/models/manifest.json (suite entries flagged `suite: true`). Needs public/data (`npm run data`).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setupNodeTfjs } from '../src/node/tfjs';
import { findDataDir, loadTaskNode } from '../src/node/data';
import { findModelsDir, readModelFiles, writeNamedFiles } from '../src/node/files';
import { saveModelFiles } from '../src/core/io/saveModel';
import { loadModelFiles } from '../src/core/io/loadModel';
import { fromLayersModel } from '../src/core/models/fromLayersModel';
import { foldBatchNorm } from '../src/core/models/foldBatchNorm';
import { countMacs, countParams, float32Bytes } from '../src/core/models/stats';
import { evaluate } from '../src/core/models/evaluate';
import { trainClassifier } from '../src/core/models/train';
import { parseModelsManifest, type ModelEntry, type ModelsManifest } from '../src/core/models/manifest';
import type { TaskName } from '../src/core/data/types';
import { isSuiteName, SUITE_NAMES, type DatasetName } from '../src/core/data/suite';
import type { Recipe } from './pretrain/recipe';
import { SUITE_RECIPES } from './pretrain/suite';
import { activityConv1d, digitsCnn, fashionDsCnn, keywordsDsCnn } from './pretrain/architectures';
import { flipAndShift, randomShift, specAugment } from './pretrain/augment';

const cosine = (lr: number, epochs: number) => (e: number) => lr * 0.5 * (1 + Math.cos((Math.PI * e) / epochs));

const MIN_ACCURACY: Record<TaskName, number> = { digits: 0.98, fashion: 0.88, keywords: 0.9, activity: 0.9 };

const BUILTIN_RECIPES: Record<TaskName, Omit<Recipe, 'minAccuracy'>> = {
  digits: {
    architecture: 'CNN: 3x conv3x3 (32, 64, 64) + max pooling, dense 128, dense 10',
    build: () => digitsCnn(101),
    train: { epochs: 20, batchSize: 32, lr: 2e-3, seed: 11, augment: randomShift(28, 28, 2) },
  },
  fashion: {
    architecture: 'conv3x3 24 + BN, 4 depthwise-separable blocks with BN (48, 96/2, 96, 128), global average pooling, dense 10',
    build: () => fashionDsCnn(202),
    train: { epochs: 16, batchSize: 32, lr: 3e-3, seed: 22, augment: flipAndShift(28, 28, 2) },
  },
  keywords: {
    architecture: 'DS-CNN: conv 10x4/2 96 + BN, 4 depthwise-separable blocks (96, the first /2) with BN, global average pooling, dense',
    build: (d) => keywordsDsCnn(303, d.inputShape, d.classNames.length),
    train: { epochs: 24, batchSize: 32, lr: 3e-3, seed: 33, augment: specAugment(49, 40, 4, 6, 5) },
  },
  activity: {
    architecture: 'Conv1D: 4x conv1d (32 k7, 64 k5, 64 k5, 64 k3) + max pooling, global average pooling, dense 64, dense',
    build: (d) => activityConv1d(404, d.inputShape, d.classNames.length),
    train: { epochs: 30, batchSize: 32, lr: 2e-3, seed: 44 },
  },
};

const RECIPES = {
  ...Object.fromEntries(Object.entries(BUILTIN_RECIPES).map(([k, r]) => [k, { ...r, minAccuracy: MIN_ACCURACY[k as TaskName] }])),
  ...SUITE_RECIPES,
} as Record<DatasetName, Recipe>;

function args(): { tasks: DatasetName[]; epochs?: number } {
  const a = process.argv.slice(2);
  const get = (k: string) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : undefined; };
  const task = get('--task');
  const epochs = get('--epochs');
  const all = Object.keys(RECIPES) as DatasetName[];
  const tasks = task === 'suite' ? [...SUITE_NAMES] : task ? task.split(',') : all;
  const bad = tasks.filter((t) => !all.includes(t as DatasetName));
  if (bad.length) throw new Error(`--task takes names among ${all.join(', ')} (comma-separated) or suite; got ${bad.join(', ')}`);
  return { tasks: tasks as DatasetName[], epochs: epochs ? Number(epochs) : undefined };
}

async function readManifest(path: string): Promise<ModelsManifest> {
  if (!existsSync(path)) return { format: 'yono-models', version: 1, models: [] };
  return parseModelsManifest(JSON.parse(await readFile(path, 'utf8')));
}

async function pretrain(task: DatasetName, modelsDir: string, epochs?: number): Promise<ModelEntry | null> {
  if (!existsSync(join(findDataDir(), task, 'manifest.json'))) {
    console.log(`${task}: no data in public/data/${task} yet, skipped (run \`npm run data\`)`);
    return null;
  }
  const d = await loadTaskNode(task);
  const r = RECIPES[task];
  const model = r.build(d);
  const { lr, ...rest } = r.train;
  const opts = { ...rest, epochs: epochs ?? r.train.epochs };
  console.log(`${task}: ${d.train.n} train / ${d.val.n} val / ${d.test.n} test samples, ${model.countParams()} tfjs params, ${opts.epochs} epochs`);
  const t0 = Date.now();
  await trainClassifier(model, d.train, {
    ...opts, learningRate: cosine(lr, opts.epochs), val: d.val,
    onEpoch: (l) => console.log(`  epoch ${l.epoch + 1}: loss ${l.loss.toFixed(4)} train ${(l.trainAccuracy * 100).toFixed(2)} % val ${((l.valAccuracy ?? 0) * 100).toFixed(2)} % lr ${l.learningRate.toExponential(2)} (${(l.ms / 1000).toFixed(0)} s)`),
  });
  const dir = join(modelsDir, task);
  await writeNamedFiles(dir, await saveModelFiles(model));
  model.dispose();
  // Measure on the files as written, through the same import path users take.
  const loaded = await loadModelFiles(await readModelFiles(join(dir, 'model.json')), task);
  const acc = await evaluate(loaded.model, d.test.x, d.test.y);
  const folded = foldBatchNorm(fromLayersModel(loaded.model, task));
  const accFolded = await evaluate(folded, d.test.x, d.test.y);
  loaded.model.dispose();
  if (Math.abs(acc - accFolded) > 1e-3) throw new Error(`${task}: folding batch norm changed test accuracy ${acc} -> ${accFolded}`);
  const entry: ModelEntry = {
    name: task, task, modality: d.modality, params: countParams(folded), macs: countMacs(folded).total,
    float32Bytes: float32Bytes(folded), testAccuracy: acc, path: `${task}/model.json`, architecture: r.architecture,
    ...(isSuiteName(task) ? { suite: true } : {}),
  };
  console.log(`${task}: test accuracy ${(acc * 100).toFixed(2)} % (target ${(r.minAccuracy * 100).toFixed(0)} %), ${entry.params} params, ${entry.macs} MACs, ${entry.float32Bytes} float32 bytes, ${((Date.now() - t0) / 60000).toFixed(1)} min`);
  if (acc < r.minAccuracy) console.log(`${task}: WARNING below the target accuracy`);
  return entry;
}

const { tasks, epochs } = args();
await setupNodeTfjs();
const modelsDir = findModelsDir();
const manifestPath = join(modelsDir, 'manifest.json');
for (const task of tasks) {
  const entry = await pretrain(task, modelsDir, epochs);
  if (!entry) continue;
  const m = await readManifest(manifestPath);
  const order = Object.keys(RECIPES);
  m.models = [...m.models.filter((e) => e.name !== entry.name), entry].sort((a, b) => order.indexOf(a.task) - order.indexOf(b.task));
  await writeFile(manifestPath, `${JSON.stringify(m, null, 2)}\n`);
}
