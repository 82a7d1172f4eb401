// `npx tsx scripts/suite/user-scenario.ts DIR`: rebuilds issue 14's "new user" scenario — the four
// built-in models plus two small models of a user's own, each with a handful of labelled samples as
// x.npy / y.npy — so that `yono compress` can be run on it again (the command is printed at the end):
//   DIR/digits8/  an 8x8-digit CNN of 38 k parameters (MNIST from the built-in digits task, area-resampled
//                 28x28 -> 8x8; trained on the digits train split) and data/ with 450 labelled samples
//                 (digits test-split images), i.e. 90 test samples after the CLI's 60/20/20 split;
//   DIR/tabular/  a 3-layer MLP on a synthetic, seeded 8-feature / 3-class table (trained on 3,000 rows)
//                 and data/ with 45 labelled rows of the same table not used for training (9 test samples).
// Deterministic: seeded initializers, seeded sample order, tfjs WASM backend with the project's kernels.
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../src/node/tfjs';
import { loadTaskNode } from '../../src/node/data';
import { writeNamedFiles } from '../../src/node/files';
import { saveModelFiles } from '../../src/core/io/saveModel';
import { encodeNpy } from '../../src/core/io/npy';
import { trainClassifier } from '../../src/core/models/train';
import { evaluate } from '../../src/core/models/evaluate';
import { areaResize } from '../../src/core/data/suite/resize';
import type { Split } from '../../src/core/data/types';
import { ap, seeds } from '../pretrain/architectures';
import { tabularTable } from './table';

/** 28x28 digits -> 8x8 floats in [0, 1] (area averaging). */
function digits8(s: Split, n = s.n): Split {
  const x = new Float32Array(n * 64);
  for (let i = 0; i < n; i++) x.set(areaResize(s.x.subarray(i * 784, (i + 1) * 784), 28, 28, 8, 8), i * 64);
  return { x, y: s.y.slice(0, n), n };
}

/** The user's 8x8 digit CNN: conv3x3 16, conv3x3 32, max pooling, dense 64, dense 10 (38,282 parameters). */
function digits8Cnn(seed: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: [8, 8, 1], name: 'input' });
  let x = ap(tf.layers.conv2d({ name: 'conv1', filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.conv2d({ name: 'conv2', filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }), x);
  x = ap(tf.layers.flatten({ name: 'flatten' }), x);
  x = ap(tf.layers.dense({ name: 'fc1', units: 64, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc2', units: 10, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'digits8' });
}

/** The user's tabular MLP: dense 32, dense 16, dense 3. */
function tabularMlp(seed: number, features: number, classes: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: [features], name: 'input' });
  let x = ap(tf.layers.dense({ name: 'fc1', units: 32, activation: 'relu', kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.dense({ name: 'fc2', units: 16, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc3', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'tabular' });
}

async function writeUserModel(dir: string, model: tf.LayersModel, data: Split, shape: number[]): Promise<void> {
  await writeNamedFiles(dir, await saveModelFiles(model));
  await writeNamedFiles(join(dir, 'data'), [
    { name: 'x.npy', bytes: encodeNpy(data.x, [data.n, ...shape]) },
    { name: 'y.npy', bytes: encodeNpy(Int32Array.from(data.y), [data.n]) },
  ]);
}

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/suite/user-scenario.ts DIR   (writes DIR/digits8 and DIR/tabular)');
  process.exit(2);
}
const dir = resolve(out);
await setupNodeTfjs();

const d = await loadTaskNode('digits');
const train8 = digits8(d.train);
const val8 = digits8(d.val);
const user8 = digits8(d.test, 450);
const cnn = digits8Cnn(909);
await trainClassifier(cnn, train8, { epochs: 8, batchSize: 64, learningRate: (e) => 2e-3 * 0.5 * (1 + Math.cos((Math.PI * e) / 8)), seed: 99, val: val8 });
console.log(`digits8: ${cnn.countParams()} parameters, accuracy ${(100 * (await evaluate(cnn, val8.x, val8.y))).toFixed(2)} % on the digits val split at 8x8, ${(100 * (await evaluate(cnn, user8.x, user8.y))).toFixed(2)} % on its 450 samples`);
await writeUserModel(join(dir, 'digits8'), cnn, user8, [8, 8, 1]);

const t = tabularTable(3000 + 1000 + 45, 31);
const rows = (a: number, b: number): Split => ({ x: t.x.slice(a * t.features, b * t.features), y: t.y.slice(a, b), n: b - a });
const mlp = tabularMlp(910, t.features, t.classes);
await trainClassifier(mlp, rows(0, 3000), { epochs: 30, batchSize: 32, learningRate: (e) => 3e-3 * 0.5 * (1 + Math.cos((Math.PI * e) / 30)), seed: 98, val: rows(3000, 4000) });
const user45 = rows(4000, 4045);
console.log(`tabular: ${mlp.countParams()} parameters, accuracy ${(100 * (await evaluate(mlp, rows(3000, 4000).x, rows(3000, 4000).y))).toFixed(2)} % on 1,000 held-out rows, ${(100 * (await evaluate(mlp, user45.x, user45.y))).toFixed(2)} % on its 45 samples`);
await writeUserModel(join(dir, 'tabular'), mlp, user45, [t.features]);

console.log(`\nwrote ${dir}/digits8 and ${dir}/tabular; the scenario of issue 14:\n` +
  `  node dist-cli/yono.mjs compress --models digits,fashion,keywords,activity,${dir}/digits8/model.json=${dir}/digits8/data,${dir}/tabular/model.json=${dir}/tabular/data`);
