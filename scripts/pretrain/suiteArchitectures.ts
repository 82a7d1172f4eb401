// The generalization suite's model architectures (issue 14): small classifiers of other kinds than the
// four built-ins — a dense-only MLP, a 1-D CNN mixing k>1 and pointwise (k=1) convolutions, a residual CNN
// on RGB images (add layers) and a small CNN on 8x8 images — built with seeded initializers so that
// `npm run pretrain` is deterministic. Nobody tunes the compression recipe on them.
import * as tf from '@tensorflow/tfjs';
import { ap, BN_MOMENTUM, seeds, type ST } from './architectures';

/** spam: an MLP over a bag-of-words vector (dense layers only). */
export function spamMlp(seed: number, inputLen: number, classes: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: [inputLen], name: 'input' });
  let x = ap(tf.layers.dense({ name: 'fc1', units: 128, activation: 'relu', kernelInitializer: i.he() }), inp);
  x = ap(tf.layers.dense({ name: 'fc2', units: 64, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc3', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'spam' });
}

/** ecg: a 1-D CNN over a single-lead signal, wide kernels (k 9, 5, 3) alternating with pointwise ones (k 1). */
export function ecgCnn1d(seed: number, inputShape: number[], classes: number): tf.LayersModel {
  const i = seeds(seed);
  const conv = (x: ST, name: string, filters: number, k: number, stride = 1) =>
    ap(tf.layers.conv1d({ name, filters, kernelSize: k, strides: stride, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  const inp = tf.input({ shape: inputShape, name: 'input' });
  let x = conv(inp, 'conv1', 16, 9, 2); // 256x16
  x = conv(x, 'pw1', 32, 1);
  x = ap(tf.layers.maxPooling1d({ name: 'pool1', poolSize: 2 }), x); // 128
  x = conv(x, 'conv2', 32, 5);
  x = conv(x, 'pw2', 32, 1);
  x = ap(tf.layers.maxPooling1d({ name: 'pool2', poolSize: 2 }), x); // 64
  x = conv(x, 'conv3', 48, 5);
  x = ap(tf.layers.maxPooling1d({ name: 'pool3', poolSize: 2 }), x); // 32
  x = conv(x, 'conv4', 64, 3);
  x = ap(tf.layers.globalAveragePooling1d({ name: 'gap' }), x);
  const out = ap(tf.layers.dense({ name: 'fc', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'ecg' });
}

/** A residual block: conv3x3 + BN + ReLU, conv3x3 + BN, add the input, ReLU. */
function resBlock(x: ST, name: string, filters: number, i: ReturnType<typeof seeds>): ST {
  let y = ap(tf.layers.conv2d({ name: `${name}_c1`, filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: i.he() }), x);
  y = ap(tf.layers.batchNormalization({ name: `${name}_c1_bn`, momentum: BN_MOMENTUM }), y);
  y = ap(tf.layers.reLU({ name: `${name}_c1_relu` }), y);
  y = ap(tf.layers.conv2d({ name: `${name}_c2`, filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: i.he() }), y);
  y = ap(tf.layers.batchNormalization({ name: `${name}_c2_bn`, momentum: BN_MOMENTUM }), y);
  y = tf.layers.add({ name: `${name}_add` }).apply([y, x]) as ST;
  return ap(tf.layers.reLU({ name: `${name}_relu` }), y);
}

/** A strided conv3x3 + BN + ReLU. */
function down(x: ST, name: string, filters: number, i: ReturnType<typeof seeds>): ST {
  let y = ap(tf.layers.conv2d({ name, filters, kernelSize: 3, strides: 2, padding: 'same', useBias: false, kernelInitializer: i.he() }), x);
  y = ap(tf.layers.batchNormalization({ name: `${name}_bn`, momentum: BN_MOMENTUM }), y);
  return ap(tf.layers.reLU({ name: `${name}_relu` }), y);
}

/** shapes: a small ResNet on 32x32 RGB (two residual blocks with identity shortcuts). */
export function shapesResNet(seed: number, inputShape: number[], classes: number): tf.LayersModel {
  const i = seeds(seed);
  const inp = tf.input({ shape: inputShape, name: 'input' });
  let x = down(inp, 'stem', 16, i); // 16x16x16
  x = resBlock(x, 'res1', 16, i);
  x = down(x, 'down2', 32, i); // 8x8x32
  x = resBlock(x, 'res2', 32, i);
  x = ap(tf.layers.globalAveragePooling2d({ name: 'gap' }), x);
  const out = ap(tf.layers.dense({ name: 'fc', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'shapes' });
}

/** clothes8: a small CNN on 8x8 grayscale images, then dense layers. */
export function clothes8Cnn(seed: number, inputShape: number[], classes: number): tf.LayersModel {
  const i = seeds(seed);
  const conv = (x: ST, name: string, filters: number) =>
    ap(tf.layers.conv2d({ name, filters, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: i.he() }), x);
  const inp = tf.input({ shape: inputShape, name: 'input' });
  let x = conv(inp, 'conv1', 16);
  x = conv(x, 'conv2', 32);
  x = ap(tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }), x); // 4x4x32
  x = conv(x, 'conv3', 32);
  x = ap(tf.layers.flatten({ name: 'flatten' }), x);
  x = ap(tf.layers.dense({ name: 'fc1', units: 64, activation: 'relu', kernelInitializer: i.he() }), x);
  const out = ap(tf.layers.dense({ name: 'fc2', units: classes, activation: 'softmax', kernelInitializer: i.glorot() }), x);
  return tf.model({ inputs: inp, outputs: out, name: 'clothes8' });
}
