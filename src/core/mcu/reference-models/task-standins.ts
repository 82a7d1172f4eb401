import type { ModelIR } from '../../models/ir';
import { IRBuilder } from './builder';

/**
 * Stand-ins for the four built-in task models (issue 3), with the architectures issue 3 asks for, until the
 * trained models exist in `public/models/`. Zero weights: they serve the simulator, its tests, the bench and
 * the examples in the README, never predictions. Each is within issue 3's 20k-300k parameters.
 */

/** digits: small CNN with 3x3 convolutions on 28 x 28 x 1 (60,874 params, 1.96 M MACs). */
export function digitsStandin(): ModelIR {
  const b = new IRBuilder('digits', [28, 28, 1]);
  b.conv2d(16, [3, 3], [1, 1], 'same', 'relu'); b.maxPool2d([2, 2]);
  b.conv2d(32, [3, 3], [1, 1], 'same', 'relu'); b.maxPool2d([2, 2]);
  b.conv2d(64, [3, 3], [1, 1], 'same', 'relu'); b.maxPool2d([2, 2]);
  b.flatten(); b.dense(64, 'relu'); b.dense(10, 'softmax');
  return b.build();
}

/** fashion: CNN with depthwise-separable blocks on 28 x 28 x 1 (batch norms folded). */
export function fashionStandin(): ModelIR {
  const b = new IRBuilder('fashion', [28, 28, 1]);
  b.conv2d(32, [3, 3], [1, 1], 'same', 'relu');
  for (const [s, f] of [[2, 64], [2, 128], [1, 128]] as const) {
    b.depthwise([3, 3], [s, s], 'same', 'relu');
    b.conv2d(f, [1, 1], [1, 1], 'same', 'relu');
  }
  b.globalAvgPool(); b.dense(10, 'softmax');
  return b.build();
}

/** keywords: DS-CNN on a 49 x 40 log-mel spectrogram, 12 classes. */
export function keywordsStandin(): ModelIR {
  const b = new IRBuilder('keywords', [49, 40, 1]);
  b.conv2d(64, [10, 4], [2, 4], 'same', 'relu');
  for (let i = 0; i < 4; i++) {
    b.depthwise([3, 3], [1, 1], 'same', 'relu');
    b.conv2d(64, [1, 1], [1, 1], 'same', 'relu');
  }
  b.globalAvgPool(); b.dense(12, 'softmax');
  return b.build();
}

/** activity: Conv1D network on 128 x 3 accelerometer windows, 7 classes. */
export function activityStandin(): ModelIR {
  const b = new IRBuilder('activity', [128, 3]);
  b.conv1d(32, 5, 1, 'same', 'relu');
  b.conv1d(64, 5, 2, 'same', 'relu');
  b.conv1d(64, 5, 2, 'same', 'relu');
  b.globalAvgPool(); b.dense(64, 'relu'); b.dense(7, 'softmax');
  return b.build();
}

/** The four stand-ins in the order of the default scenario's task names. */
export function taskStandins(): ModelIR[] {
  return [digitsStandin(), fashionStandin(), keywordsStandin(), activityStandin()];
}
