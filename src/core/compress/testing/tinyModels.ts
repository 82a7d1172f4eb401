import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../../models/ir';
import { fromLayersModel } from '../../models/fromLayersModel';
import { toLayersModel } from '../../models/toLayersModel';
import type { Split } from '../../data/types';
import { createRng } from '../../util/random';

/**
 * Test fixtures (imported by tests only): a small seeded classification task and a tiny tfjs model with
 * its IR built by hand, so the compression tests do not depend on the pretrained models.
 */

/** n samples of 8x8x1 "images": class c has a bright 2x2 blob (`amplitude`) at one of 4 corners plus uniform noise in ±0.4. */
export function blobTask(n: number, seed: number, amplitude = 1): Split {
  const rnd = createRng(seed);
  const x = new Float32Array(n * 64);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() * 4);
    y[i] = c;
    const r0 = c < 2 ? 1 : 5;
    const c0 = c % 2 === 0 ? 1 : 5;
    for (let p = 0; p < 64; p++) x[i * 64 + p] = (rnd() - 0.5) * 0.8;
    for (let dr = 0; dr < 2; dr++) for (let dc = 0; dc < 2; dc++) x[i * 64 + (r0 + dr) * 8 + c0 + dc] += amplitude;
  }
  return { x, y, n };
}

/** A tiny CNN (conv3x3 -> depthwise -> 1x1 -> dense) as a tfjs model plus its IR (weights copied). */
export function tinyCnn(seed: number): { model: tf.LayersModel; ir: ModelIR } {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const input = tf.input({ shape: [8, 8, 1], name: 'input' });
  let h = tf.layers.conv2d({ name: 'c1', filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(1) }).apply(input) as tf.SymbolicTensor;
  h = tf.layers.depthwiseConv2d({ name: 'dw', kernelSize: 3, padding: 'same', activation: 'relu', depthwiseInitializer: init(2) }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ name: 'pw', filters: 16, kernelSize: 1, activation: 'relu', kernelInitializer: init(3) }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ name: 'pool', poolSize: 2 }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'flat' }).apply(h) as tf.SymbolicTensor;
  const out = tf.layers.dense({ name: 'out', units: 4, activation: 'softmax', kernelInitializer: init(4) }).apply(h) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  return { model, ir: irOf(model) };
}

/** The IR of a tfjs model (the models adapter). */
export function irOf(model: tf.LayersModel, name = 'tiny'): ModelIR {
  return fromLayersModel(model, name);
}

/** Trains a tfjs model a few epochs with the built-in fit (tests only). */
export async function quickTrain(model: tf.LayersModel, data: Split, epochs: number): Promise<void> {
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
  const x = tf.tensor(data.x, [data.n, 8, 8, 1]);
  const y = tf.tensor(Float32Array.from(data.y), [data.n, 1]);
  await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });
  x.dispose();
  y.dispose();
}

/** The pipeline's buildModel (the models adapter). */
export const buildTiny = (ir: ModelIR): tf.LayersModel => toLayersModel(ir);

/** A trained tiny model with its data splits, named `name`, ready for compress(). */
export async function tinyInput(name: string, seed: number, epochs = 6, amplitude = 1) {
  const { model } = tinyCnn(seed);
  const train = blobTask(512, seed + 1, amplitude);
  await quickTrain(model, train, epochs);
  const ir = irOf(model, name);
  model.dispose();
  return { ir, train, val: blobTask(256, seed + 2, amplitude), test: blobTask(256, seed + 3, amplitude) };
}
