import * as tf from '@tensorflow/tfjs';
import { blobTask, quickTrain } from './tinyModels';
import type { Split } from '../../data/types';

/**
 * A small trained tfjs CNN (tests only) that uses every operator the TFLite writer emits: zero padding,
 * conv (ReLU), depthwise (ReLU6), a residual add, concatenation, a squeeze-and-excitation multiply with a
 * sigmoid, leaky ReLU, max and average pooling, global average pooling, dense and softmax. Trained on the
 * 8x8 blob task so that its classes mean something.
 */
export async function trainedTfliteNet(seed: number): Promise<{ model: tf.LayersModel; test: Split }> {
  const L = tf.layers;
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const x = tf.input({ shape: [8, 8, 1], name: 'image' });
  let h = L.zeroPadding2d({ padding: [[1, 1], [1, 1]], name: 'pad' }).apply(x) as tf.SymbolicTensor;
  h = L.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init(1), name: 'c1' }).apply(h) as tf.SymbolicTensor;
  const d = L.depthwiseConv2d({ kernelSize: 3, padding: 'same', activation: 'relu6', depthwiseInitializer: init(2), name: 'dw' }).apply(h) as tf.SymbolicTensor;
  h = L.add({ name: 'res' }).apply([h, d]) as tf.SymbolicTensor;
  const b = L.leakyReLU({ alpha: 0.1, name: 'leaky' }).apply(L.conv2d({ filters: 4, kernelSize: 1, kernelInitializer: init(3), name: 'pw' }).apply(h)) as tf.SymbolicTensor;
  h = L.concatenate({ name: 'cat' }).apply([h, b]) as tf.SymbolicTensor; // 8x8x12
  let se = L.globalAveragePooling2d({ name: 'se_pool' }).apply(h) as tf.SymbolicTensor;
  se = L.dense({ units: 12, activation: 'sigmoid', kernelInitializer: init(4), name: 'se_gate' }).apply(se) as tf.SymbolicTensor;
  se = L.reshape({ targetShape: [1, 1, 12], name: 'se_shape' }).apply(se) as tf.SymbolicTensor;
  h = L.multiply({ name: 'se_mul' }).apply([h, se]) as tf.SymbolicTensor;
  h = L.maxPooling2d({ poolSize: 2, name: 'mp' }).apply(h) as tf.SymbolicTensor;
  h = L.averagePooling2d({ poolSize: 2, name: 'ap' }).apply(h) as tf.SymbolicTensor;
  h = L.flatten({ name: 'flat' }).apply(h) as tf.SymbolicTensor;
  const out = L.dense({ units: 4, activation: 'softmax', kernelInitializer: init(5), name: 'out' }).apply(h) as tf.SymbolicTensor;
  const model = tf.model({ inputs: x, outputs: out, name: 'tflitenet' });
  await quickTrain(model, blobTask(384, seed + 1), 4);
  return { model, test: blobTask(200, seed + 3) };
}
