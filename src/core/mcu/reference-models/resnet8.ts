import type { ModelIR } from '../../models/ir';
import { IRBuilder } from './builder';

/**
 * MLPerf Tiny image classification reference model: ResNet-8 on 32 x 32 x 3 CIFAR-10, 10 classes.
 * Architecture as in mlcommons/tiny `benchmark/training/image_classification/keras_model.py`
 * (`resnet_v1_eembc`): a 3x3 conv with 16 filters, three residual stacks (16, 32, 64 filters; the second and
 * third downsample by 2 and take a 1x1 stride-2 conv on the shortcut), 8x8 average pooling, a dense layer.
 * Batch norms are folded. 12,501,632 MACs.
 */
export function resnet8(): ModelIR {
  const b = new IRBuilder('resnet8', [32, 32, 3]);
  let x = b.conv2d(16, [3, 3], [1, 1], 'same', 'relu', { name: 'conv1' });
  const stacks: [number, number][] = [[16, 1], [32, 2], [64, 2]];
  stacks.forEach(([f, s], i) => {
    const n = i + 1;
    b.conv2d(f, [3, 3], [s, s], 'same', 'relu', { from: x, name: `stack${n}/conv_a` });
    const y = b.conv2d(f, [3, 3], [1, 1], 'same', 'linear', { name: `stack${n}/conv_b` });
    const shortcut = s === 1 ? x : b.conv2d(f, [1, 1], [s, s], 'same', 'linear', { from: x, name: `stack${n}/shortcut` });
    x = b.add(shortcut, y, 'relu', `stack${n}/add`);
  });
  b.avgPool2d([8, 8], { from: x, name: 'avgpool' });
  b.flatten('flatten');
  b.dense(10, 'softmax', { name: 'fc' });
  return b.build();
}
