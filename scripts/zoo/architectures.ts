// The import zoo: the architectures users bring, built with tfjs layers as the Keras applications and
// MLPerf Tiny reference models build them (layer for layer, with their padding, batch-norm and ReLU6
// conventions), at a size given by the caller: `full` as published (MobileNets at alpha 0.35 on 96x96),
// `small` scaled down for `npm test`.
import * as tf from '@tensorflow/tfjs';

type ST = tf.SymbolicTensor;
const L = tf.layers;
const ap = (l: tf.layers.Layer, x: ST | ST[]) => l.apply(x) as ST;
// Dropout layers are seeded so that training is deterministic (tfjs then draws the same mask at every step;
// unseeded, two identical runs of the small DS-CNN ended at 84 % and 90 %).
/** Batch-norm momentum that tracks batch statistics in a short training run (see scripts/pretrain). */
const BN = { momentum: 0.9, epsilon: 1e-3 };

/** One zoo architecture at a size: its builder, input shape and classes. */
export interface ZooSpec {
  name: string;
  inputShape: number[];
  classes: number;
  /** The generated data is x * dataScale[0] + dataScale[1] (pixel values 0..255 for a model that rescales them). */
  dataScale?: [number, number];
  build: (seed: number) => tf.LayersModel;
}

/** Seeded initializers, one new seed per call. */
function init(seed: number) {
  let s = seed;
  return () => tf.initializers.heNormal({ seed: s++ });
}

/** Keras' _make_divisible (MobileNetV2 channel counts). */
function makeDivisible(v: number, divisor = 8): number {
  const n = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  return n < 0.9 * v ? n + divisor : n;
}

/** Keras applications' correct_pad for a stride-2 3x3 convolution on an H x W input: ((top, bottom), (left, right)). */
function correctPad(h: number, w: number): [[number, number], [number, number]] {
  return [[h % 2, 1], [w % 2, 1]]; // correct 1, adjust 1 - size % 2: (correct - adjust, correct)
}

const convBnRelu6 = (x: ST, filters: number, k: number, strides: number, name: string, he: () => tf.serialization.Serializable) =>
  ap(L.reLU({ maxValue: 6, name: `${name}_relu` }), ap(L.batchNormalization({ ...BN, name: `${name}_bn` }),
    ap(L.conv2d({ filters, kernelSize: k, strides, padding: 'same', useBias: false, kernelInitializer: he() as never, name }), x)));

/** MobileNetV1 (keras.applications.MobileNet): conv + 13 depthwise-separable blocks, stride-2 blocks padded ((0,1),(0,1)). */
export function mobilenetV1(alpha: number, size: number, classes: number, depth = 13): ZooSpec {
  const plan: [number, number][] = [[64, 1], [128, 2], [128, 1], [256, 2], [256, 1], [512, 2], [512, 1], [512, 1], [512, 1], [512, 1], [512, 1], [1024, 2], [1024, 1]];
  return {
    name: `mobilenet_v1_${alpha}_${size}`, inputShape: [size, size, 3], classes, dataScale: [50, 127.5],
    build: (seed) => {
      const he = init(seed);
      const inp = tf.input({ shape: [size, size, 3], name: 'input_1' });
      let x = convBnRelu6(ap(L.rescaling({ scale: 1 / 127.5, offset: -1, name: 'rescaling' }), inp), Math.floor(32 * alpha), 3, 2, 'conv1', he);
      plan.slice(0, depth).forEach(([f, s], i) => {
        const id = i + 1;
        if (s === 2) x = ap(L.zeroPadding2d({ padding: [[0, 1], [0, 1]], name: `conv_pad_${id}` }), x);
        x = ap(L.depthwiseConv2d({ kernelSize: 3, strides: s, padding: s === 1 ? 'same' : 'valid', useBias: false, depthwiseInitializer: he() as never, name: `conv_dw_${id}` }), x);
        x = ap(L.reLU({ maxValue: 6, name: `conv_dw_${id}_relu` }), ap(L.batchNormalization({ ...BN, name: `conv_dw_${id}_bn` }), x));
        x = ap(L.conv2d({ filters: Math.floor(f * alpha), kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: `conv_pw_${id}` }), x);
        x = ap(L.reLU({ maxValue: 6, name: `conv_pw_${id}_relu` }), ap(L.batchNormalization({ ...BN, name: `conv_pw_${id}_bn` }), x));
      });
      const c = (x.shape as number[])[3];
      x = ap(L.reshape({ targetShape: [1, 1, c], name: 'reshape_1' }), ap(L.globalAveragePooling2d({ name: 'global_average_pooling2d' }), x));
      x = ap(L.conv2d({ filters: classes, kernelSize: 1, kernelInitializer: he() as never, name: 'conv_preds' }), ap(L.dropout({ rate: 1e-3, seed, name: 'dropout' }), x));
      x = ap(L.activation({ activation: 'softmax', name: 'predictions' }), ap(L.reshape({ targetShape: [classes], name: 'reshape_2' }), x));
      return tf.model({ inputs: inp, outputs: x, name: `mobilenet_v1_${alpha}_${size}` });
    },
  };
}

/** MobileNetV2 (keras.applications.MobileNetV2, the version with Conv1_pad): inverted residual blocks, ZeroPadding2D before stride-2 convolutions. */
export function mobilenetV2(alpha: number, size: number, classes: number, stages = 7): ZooSpec {
  const cfg: [number, number, number, number][] = [[16, 1, 1, 1], [24, 2, 6, 2], [32, 2, 6, 3], [64, 2, 6, 4], [96, 1, 6, 3], [160, 2, 6, 3], [320, 1, 6, 1]];
  return {
    name: `mobilenet_v2_${alpha}_${size}`, inputShape: [size, size, 3], classes,
    build: (seed) => {
      const he = init(seed);
      const inp = tf.input({ shape: [size, size, 3], name: 'input_1' });
      const pad = (x: ST, name: string) => { const [, h, w] = x.shape as number[]; return ap(L.zeroPadding2d({ padding: correctPad(h, w), name }), x); };
      let x = pad(inp, 'Conv1_pad');
      x = ap(L.conv2d({ filters: makeDivisible(32 * alpha), kernelSize: 3, strides: 2, padding: 'valid', useBias: false, kernelInitializer: he() as never, name: 'Conv1' }), x);
      x = ap(L.reLU({ maxValue: 6, name: 'Conv1_relu' }), ap(L.batchNormalization({ ...BN, name: 'bn_Conv1' }), x));
      let id = 0;
      for (const [filters, stride, t, n] of cfg.slice(0, stages)) {
        for (let r = 0; r < n; r++) {
          const s = r === 0 ? stride : 1;
          const inC = (x.shape as number[])[3];
          const out = makeDivisible(Math.floor(filters * alpha));
          const p = id ? `block_${id}_` : 'expanded_conv_';
          let h = x;
          if (id) {
            h = ap(L.conv2d({ filters: inC * t, kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: `${p}expand` }), h);
            h = ap(L.reLU({ maxValue: 6, name: `${p}expand_relu` }), ap(L.batchNormalization({ ...BN, name: `${p}expand_BN` }), h));
          }
          if (s === 2) h = pad(h, `${p}pad`);
          h = ap(L.depthwiseConv2d({ kernelSize: 3, strides: s, padding: s === 1 ? 'same' : 'valid', useBias: false, depthwiseInitializer: he() as never, name: `${p}depthwise` }), h);
          h = ap(L.reLU({ maxValue: 6, name: `${p}depthwise_relu` }), ap(L.batchNormalization({ ...BN, name: `${p}depthwise_BN` }), h));
          h = ap(L.conv2d({ filters: out, kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: `${p}project` }), h);
          h = ap(L.batchNormalization({ ...BN, name: `${p}project_BN` }), h);
          x = inC === out && s === 1 ? ap(L.add({ name: `${p}add` }), [x, h]) : h;
          id++;
        }
      }
      x = ap(L.conv2d({ filters: alpha > 1 ? makeDivisible(1280 * alpha) : 1280, kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: 'Conv_1' }), x);
      x = ap(L.reLU({ maxValue: 6, name: 'out_relu' }), ap(L.batchNormalization({ ...BN, name: 'Conv_1_bn' }), x));
      x = ap(L.dense({ units: classes, activation: 'softmax', kernelInitializer: he() as never, name: 'predictions' }), ap(L.globalAveragePooling2d({ name: 'global_average_pooling2d' }), x));
      return tf.model({ inputs: inp, outputs: x, name: `mobilenet_v2_${alpha}_${size}` });
    },
  };
}

/** ResNet-8 of MLPerf Tiny image classification: a 3x3 stem, three residual stacks (16, 32, 64 filters), average pooling, dense. */
export function resnet8(size: number, classes: number, widths: [number, number, number] = [16, 32, 64]): ZooSpec {
  return {
    name: `resnet8_${size}`, inputShape: [size, size, 3], classes,
    build: (seed) => {
      const he = init(seed);
      const conv = (x: ST, f: number, k: number, s: number, name: string) => ap(L.conv2d({ filters: f, kernelSize: k, strides: s, padding: 'same', kernelInitializer: he() as never, name }), x);
      const bn = (x: ST, name: string) => ap(L.batchNormalization({ ...BN, name }), x);
      const relu = (x: ST, name: string) => ap(L.activation({ activation: 'relu', name }), x);
      const inp = tf.input({ shape: [size, size, 3], name: 'input_1' });
      let x = relu(bn(conv(inp, widths[0], 3, 1, 'conv2d'), 'bn'), 'relu');
      widths.forEach((f, i) => {
        const s = i === 0 ? 1 : 2;
        let y = relu(bn(conv(x, f, 3, s, `stack${i + 1}_conv1`), `stack${i + 1}_bn1`), `stack${i + 1}_relu1`);
        y = bn(conv(y, f, 3, 1, `stack${i + 1}_conv2`), `stack${i + 1}_bn2`);
        const sc = i === 0 ? x : conv(x, f, 1, s, `stack${i + 1}_shortcut`);
        x = relu(ap(L.add({ name: `stack${i + 1}_add` }), [sc, y]), `stack${i + 1}_relu2`);
      });
      const hw = (x.shape as number[])[1];
      x = ap(L.flatten({ name: 'flatten' }), ap(L.averagePooling2d({ poolSize: hw, name: 'average_pooling2d' }), x));
      x = ap(L.dense({ units: classes, activation: 'softmax', kernelInitializer: he() as never, name: 'dense' }), x);
      return tf.model({ inputs: inp, outputs: x, name: `resnet8_${size}` });
    },
  };
}

/** DS-CNN of MLPerf Tiny keyword spotting: a (10 x 4) strided conv and depthwise-separable blocks on 49 x 10 MFCCs. */
export function dsCnn(frames: number, coeffs: number, classes: number, filters = 64, blocks = 4): ZooSpec {
  return {
    name: `ds_cnn_${filters}`, inputShape: [frames, coeffs, 1], classes,
    build: (seed) => {
      const he = init(seed);
      const inp = tf.input({ shape: [frames, coeffs, 1], name: 'input_1' });
      const bnRelu = (x: ST, name: string) => ap(L.activation({ activation: 'relu', name: `${name}_relu` }), ap(L.batchNormalization({ ...BN, name: `${name}_bn` }), x));
      let x = bnRelu(ap(L.conv2d({ filters, kernelSize: [10, 4], strides: [2, 2], padding: 'same', kernelInitializer: he() as never, name: 'conv2d' }), inp), 'conv2d');
      x = ap(L.dropout({ rate: 0.2, seed, name: 'dropout' }), x);
      for (let b = 1; b <= blocks; b++) {
        x = bnRelu(ap(L.depthwiseConv2d({ kernelSize: 3, padding: 'same', depthwiseInitializer: he() as never, name: `dw${b}` }), x), `dw${b}`);
        x = bnRelu(ap(L.conv2d({ filters, kernelSize: 1, kernelInitializer: he() as never, name: `pw${b}` }), x), `pw${b}`);
      }
      const [, h, w] = x.shape as number[];
      x = ap(L.flatten({ name: 'flatten' }), ap(L.averagePooling2d({ poolSize: [h, w], name: 'average_pooling2d' }), ap(L.dropout({ rate: 0.4, seed: seed + 1, name: 'dropout_1' }), x)));
      x = ap(L.dense({ units: classes, activation: 'softmax', kernelInitializer: he() as never, name: 'dense' }), x);
      return tf.model({ inputs: inp, outputs: x, name: `ds_cnn_${filters}` });
    },
  };
}

/** DenseNet-style: two dense blocks (BN-ReLU-conv layers whose outputs are concatenated to their inputs) with a transition between. */
export function denseNetBlock(size: number, classes: number, growth = 12, layers = 3): ZooSpec {
  return {
    name: `densenet_block_${size}`, inputShape: [size, size, 3], classes,
    build: (seed) => {
      const he = init(seed);
      const bnRelu = (x: ST, name: string) => ap(L.activation({ activation: 'relu', name: `${name}_relu` }), ap(L.batchNormalization({ ...BN, name: `${name}_bn` }), x));
      const inp = tf.input({ shape: [size, size, 3], name: 'input_1' });
      let x = ap(L.conv2d({ filters: 2 * growth, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: he() as never, name: 'conv1' }), inp);
      for (let b = 1; b <= 2; b++) {
        for (let l = 1; l <= layers; l++) {
          const y = ap(L.conv2d({ filters: growth, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: he() as never, name: `block${b}_${l}_conv` }), bnRelu(x, `block${b}_${l}`));
          x = ap(L.concatenate({ name: `block${b}_${l}_concat` }), [x, y]);
        }
        if (b === 1) {
          const c = (x.shape as number[])[3];
          x = ap(L.conv2d({ filters: Math.floor(c / 2), kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: 'pool1_conv' }), bnRelu(x, 'pool1'));
          x = ap(L.averagePooling2d({ poolSize: 2, name: 'pool1_pool' }), x);
        }
      }
      x = ap(L.globalAveragePooling2d({ name: 'avg_pool' }), bnRelu(x, 'final'));
      x = ap(L.dense({ units: classes, activation: 'softmax', kernelInitializer: he() as never, name: 'predictions' }), x);
      return tf.model({ inputs: inp, outputs: x, name: `densenet_block_${size}` });
    },
  };
}

/** Squeeze-and-excitation (MobileNetV3 / EfficientNet style): inverted residual blocks whose depthwise output is rescaled by a sigmoid gate. */
export function seNet(size: number, classes: number, width = 16, blocks = 2): ZooSpec {
  return {
    name: `se_net_${size}`, inputShape: [size, size, 3], classes,
    build: (seed) => {
      const he = init(seed);
      const inp = tf.input({ shape: [size, size, 3], name: 'input_1' });
      let x = convBnRelu6(inp, width, 3, 2, 'stem_conv', he);
      for (let b = 1; b <= blocks; b++) {
        const p = `block${b}`;
        const c = (x.shape as number[])[3];
        let h = convBnRelu6(x, c * 4, 1, 1, `${p}_expand`, he);
        h = ap(L.depthwiseConv2d({ kernelSize: 3, padding: 'same', useBias: false, depthwiseInitializer: he() as never, name: `${p}_dwconv` }), h);
        h = ap(L.reLU({ maxValue: 6, name: `${p}_activation` }), ap(L.batchNormalization({ ...BN, name: `${p}_bn` }), h));
        let se = ap(L.globalAveragePooling2d({ name: `${p}_se_squeeze` }), h);
        se = ap(L.reshape({ targetShape: [1, 1, c * 4], name: `${p}_se_reshape` }), se);
        se = ap(L.conv2d({ filters: Math.max(4, c), kernelSize: 1, activation: 'relu', kernelInitializer: he() as never, name: `${p}_se_reduce` }), se);
        se = ap(L.conv2d({ filters: c * 4, kernelSize: 1, activation: 'sigmoid', kernelInitializer: he() as never, name: `${p}_se_expand` }), se);
        h = ap(L.multiply({ name: `${p}_se_excite` }), [h, se]);
        h = ap(L.batchNormalization({ ...BN, name: `${p}_project_bn` }), ap(L.conv2d({ filters: c, kernelSize: 1, useBias: false, kernelInitializer: he() as never, name: `${p}_project_conv` }), h));
        x = ap(L.add({ name: `${p}_add` }), [x, h]);
      }
      x = ap(L.dense({ units: classes, activation: 'softmax', kernelInitializer: he() as never, name: 'predictions' }), ap(L.globalAveragePooling2d({ name: 'avg_pool' }), x));
      return tf.model({ inputs: inp, outputs: x, name: `se_net_${size}` });
    },
  };
}

/** The zoo at a size: `full` as published, `small` for `npm test` (same layers, fewer channels, small inputs). */
export function zoo(size: 'small' | 'full'): ZooSpec[] {
  if (size === 'full') {
    return [mobilenetV1(0.35, 96, 10), mobilenetV2(0.35, 96, 10), resnet8(32, 10), dsCnn(49, 10, 12), denseNetBlock(32, 10), seNet(32, 10)];
  }
  return [mobilenetV1(0.25, 32, 4, 6), mobilenetV2(0.25, 32, 4, 4), resnet8(16, 4, [8, 12, 16]), dsCnn(25, 10, 4, 24, 3), denseNetBlock(16, 4, 6, 2), seNet(16, 4, 8, 1)];
}
