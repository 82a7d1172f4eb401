import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../ir';

/**
 * Test models (imported by tests only) that use every layer of this folder in functional graphs with
 * branches, the way Keras applications do: a MobileNet-style stem (Rescaling, ZeroPadding2D, strided
 * valid conv, batch norm, ReLU with a max value), parallel branches concatenated (DenseNet), a
 * squeeze-and-excitation product (Multiply with broadcasting), Average / Maximum / Minimum merges,
 * Cropping2D, UpSampling2D (nearest and bilinear), Permute, LeakyReLU, PReLU, ThresholdedReLU, ELU.
 */
export function branchyModel(): tf.LayersModel {
  const L = tf.layers;
  const x = tf.input({ shape: [12, 12, 3], name: 'image' });
  let h = L.rescaling({ scale: 1 / 2, offset: -0.25, name: 'rescale' }).apply(x) as tf.SymbolicTensor;
  h = L.zeroPadding2d({ padding: [[1, 0], [1, 0]], name: 'stem_pad' }).apply(h) as tf.SymbolicTensor;
  h = L.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'valid', useBias: false, name: 'stem_conv' }).apply(h) as tf.SymbolicTensor;
  h = L.batchNormalization({ name: 'stem_bn' }).apply(h) as tf.SymbolicTensor;
  h = L.reLU({ maxValue: 4, name: 'stem_relu4' }).apply(h) as tf.SymbolicTensor;
  const b1 = L.leakyReLU({ alpha: 0.2, name: 'b1_leaky' }).apply(
    L.depthwiseConv2d({ kernelSize: 3, padding: 'same', name: 'b1_dw' }).apply(h)) as tf.SymbolicTensor;
  const b2 = L.prelu({ sharedAxes: [1, 2], name: 'b2_prelu' }).apply(
    L.conv2d({ filters: 4, kernelSize: 1, name: 'b2_pw' }).apply(h)) as tf.SymbolicTensor;
  h = L.concatenate({ name: 'dense_cat' }).apply([h, b1, b2]) as tf.SymbolicTensor; // 6x6x20
  // squeeze and excitation
  let se = L.globalAveragePooling2d({ name: 'se_squeeze' }).apply(h) as tf.SymbolicTensor;
  se = L.reshape({ targetShape: [1, 1, 20], name: 'se_reshape' }).apply(se) as tf.SymbolicTensor;
  se = L.conv2d({ filters: 5, kernelSize: 1, activation: 'swish', name: 'se_reduce' }).apply(se) as tf.SymbolicTensor;
  se = L.conv2d({ filters: 20, kernelSize: 1, activation: 'hardSigmoid', name: 'se_expand' }).apply(se) as tf.SymbolicTensor;
  h = L.multiply({ name: 'se_excite' }).apply([h, se]) as tf.SymbolicTensor;
  h = L.cropping2D({ cropping: [[1, 0], [0, 1]], name: 'crop' }).apply(h) as tf.SymbolicTensor; // 5x5x20
  const up = L.upSampling2d({ size: [2, 2], name: 'up_nearest' }).apply(h) as tf.SymbolicTensor; // 10x10
  const upB = L.upSampling2d({ size: [2, 2], interpolation: 'bilinear', name: 'up_bilinear' }).apply(h) as tf.SymbolicTensor;
  const c1 = L.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'mish', name: 'c1' }).apply(up) as tf.SymbolicTensor;
  const c2 = L.conv2d({ filters: 6, kernelSize: 3, padding: 'same', activation: 'gelu', name: 'c2' }).apply(upB) as tf.SymbolicTensor;
  const avg = L.average({ name: 'avg' }).apply([c1, c2]) as tf.SymbolicTensor;
  const mx = L.maximum({ name: 'max' }).apply([c1, c2]) as tf.SymbolicTensor;
  const mn = L.minimum({ name: 'min' }).apply([c1, c2, avg]) as tf.SymbolicTensor;
  h = L.concatenate({ axis: -1, name: 'cat2' }).apply([avg, mx, mn]) as tf.SymbolicTensor; // 10x10x18
  h = L.permute({ dims: [2, 1, 3], name: 'transpose' }).apply(h) as tf.SymbolicTensor;
  h = L.thresholdedReLU({ theta: 0.1, name: 'thresh' }).apply(h) as tf.SymbolicTensor;
  h = L.maxPooling2d({ poolSize: 2, name: 'pool' }).apply(h) as tf.SymbolicTensor;
  h = L.elu({ name: 'elu' }).apply(h) as tf.SymbolicTensor;
  h = L.globalAveragePooling2d({ name: 'gap' }).apply(h) as tf.SymbolicTensor;
  h = L.dense({ units: 8, activation: 'selu', name: 'fc1' }).apply(h) as tf.SymbolicTensor;
  const out = L.dense({ units: 4, activation: 'softmax', name: 'logits' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: out, name: 'branchy' });
}

/** Every tfjs activation the IR knows, as Activation layers and fused into dense layers, in one chain. */
export function activationChain(acts: readonly Activation[]): tf.LayersModel {
  const L = tf.layers;
  const x = tf.input({ shape: [6], name: 'in' });
  let h = x;
  acts.forEach((a, i) => {
    h = L.dense({ units: 6, activation: a === 'softmax' ? 'linear' : a, name: `d${i}_${a}` }).apply(h) as tf.SymbolicTensor;
    h = L.activation({ activation: a, name: `a${i}_${a}` }).apply(h) as tf.SymbolicTensor;
  });
  const out = L.dense({ units: 3, name: 'out' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: out, name: 'acts' });
}
