// The four built-in model architectures (MCU-sized, 20k-300k parameters), built with seeded initializers
// so that `npm run pretrain` is deterministic.
import * as tf from '@tensorflow/tfjs';

/** Seeded initializers: every call gives the next seed. */
export function seeds(seed: number) {
  let s = seed;
  return { he: () => tf.initializers.heNormal({ seed: s++ }), glorot: () => tf.initializers.glorotUniform({ seed: s++ }) };
}

export type ST = tf.SymbolicTensor;

/**
 * Batch-norm moving-average momentum. Keras's 0.99 lags far behind the batch statistics in a short
 * training run (inference accuracy near chance after one epoch, measured); 0.9 tracks them.
 */
export const BN_MOMENTUM = 0.9;
export const ap = (l: tf.layers.Layer, x: ST) => l.apply(x) as ST;

/** digits: a small CNN with 3x3 convolutions (the paper's MNIST-style model). */
export function digitsCnn(seed: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: [28, 28, 1], name: 'input' });
  let x = ap(tf.layers.conv2d({ name: 'conv1', filters: 32, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }), x); // 14x14x32
  x = ap(tf.layers.conv2d({ name: 'conv2', filters: 64, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }), x); // 7x7x64
  x = ap(tf.layers.conv2d({ name: 'conv3', filters: 64, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.maxPooling2d({ name: 'pool3', poolSize: 2 }), x); // 3x3x64
  x = ap(tf.layers.flatten({ name: 'flatten' }), x);
  x = ap(tf.layers.dense({ name: 'fc1', units: 128, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc2', units: 10, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'digits' });
}

/** A depthwise-separable block: depthwise 3x3 + BN + ReLU, pointwise 1x1 + BN + ReLU. */
function dsBlock(x: ST, name: string, filters: number, stride: number, i: ReturnType<typeof seeds>): ST {
  let y = ap(tf.layers.depthwiseConv2d({ name: `${name}_dw`, kernelSize: 3, strides: stride, padding: 'same', useBias: false, depthwiseInitializer: i.he() }), x);
  y = ap(tf.layers.batchNormalization({ name: `${name}_dw_bn`, momentum: BN_MOMENTUM }), y);
  y = ap(tf.layers.reLU({ name: `${name}_dw_relu` }), y);
  y = ap(tf.layers.conv2d({ name: `${name}_pw`, filters, kernelSize: 1, useBias: false, kernelInitializer: i.he() }), y);
  y = ap(tf.layers.batchNormalization({ name: `${name}_pw_bn`, momentum: BN_MOMENTUM }), y);
  return ap(tf.layers.reLU({ name: `${name}_pw_relu` }), y);
}

/** fashion: a CNN of depthwise-separable blocks with batch norm (MobileNet-style). */
export function fashionDsCnn(seed: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: [28, 28, 1], name: 'input' });
  let x = ap(tf.layers.conv2d({ name: 'conv1', filters: 24, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.batchNormalization({ name: 'conv1_bn', momentum: BN_MOMENTUM }), x);
  x = ap(tf.layers.reLU({ name: 'conv1_relu' }), x);
  x = ap(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }), x); // 14x14x24
  x = dsBlock(x, 'ds1', 48, 1, i);
  x = dsBlock(x, 'ds2', 96, 2, i); // 7x7x96
  x = dsBlock(x, 'ds3', 96, 1, i);
  x = dsBlock(x, 'ds4', 128, 1, i);
  x = ap(tf.layers.globalAveragePooling2d({ name: 'gap' }), x);
  const out = ap(tf.layers.dense({ name: 'fc', units: 10, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'fashion' });
}

/** keywords: a DS-CNN on the log-mel spectrogram (after Hello Edge, Zhang et al. 2017). */
export function keywordsDsCnn(seed: number, inputShape: number[], classes: number, width = 96): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: inputShape, name: 'input' });
  let x = ap(tf.layers.conv2d({ name: 'conv1', filters: width, kernelSize: [10, 4], strides: [2, 2], padding: 'same', useBias: false, kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.batchNormalization({ name: 'conv1_bn', momentum: BN_MOMENTUM }), x);
  x = ap(tf.layers.reLU({ name: 'conv1_relu' }), x);
  // The first block halves the 25x20 map: 49x40 mel bands give 4x the positions of Hello Edge's 49x10
  // MFCCs, and training cost grows with them.
  for (let b = 1; b <= 4; b++) x = dsBlock(x, `ds${b}`, width, b === 1 ? 2 : 1, i);
  x = ap(tf.layers.globalAveragePooling2d({ name: 'gap' }), x);
  const out = ap(tf.layers.dense({ name: 'fc', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'keywords' });
}

/** activity: a Conv1D network over the 3-axis accelerometer window. */
export function activityConv1d(seed: number, inputShape: number[], classes: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: inputShape, name: 'input' });
  let x = ap(tf.layers.conv1d({ name: 'conv1', filters: 32, kernelSize: 7, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.maxPooling1d({ name: 'pool1', poolSize: 2 }), x); // 64
  x = ap(tf.layers.conv1d({ name: 'conv2', filters: 64, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.maxPooling1d({ name: 'pool2', poolSize: 2 }), x); // 32
  x = ap(tf.layers.conv1d({ name: 'conv3', filters: 64, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.maxPooling1d({ name: 'pool3', poolSize: 2 }), x); // 16
  x = ap(tf.layers.conv1d({ name: 'conv4', filters: 64, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  x = ap(tf.layers.globalAveragePooling1d({ name: 'gap' }), x);
  x = ap(tf.layers.dense({ name: 'fc1', units: 64, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc2', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'activity' });
}
