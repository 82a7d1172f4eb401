import type { ModelIR } from '../../models/ir';
import { IRBuilder } from './builder';

/**
 * MLPerf Tiny keyword spotting reference model: DS-CNN "small" on 49 x 10 MFCC frames, 12 classes.
 * Architecture as in mlcommons/tiny `benchmark/training/keyword_spotting/keras_model.py` (`ds_cnn`): a 10x4
 * stride-2 conv with 64 filters, four depthwise-separable blocks (3x3 depthwise + 1x1 conv, 64 channels),
 * average pooling over (24, 5), a 12-way dense layer. Batch norms are folded. 2,656,768 MACs.
 */
export function kwsDsCnn(): ModelIR {
  const b = new IRBuilder('kws-dscnn', [49, 10, 1]);
  b.conv2d(64, [10, 4], [2, 2], 'same', 'relu', { name: 'conv1' });
  for (let i = 1; i <= 4; i++) {
    b.depthwise([3, 3], [1, 1], 'same', 'relu', { name: `ds${i}/depthwise` });
    b.conv2d(64, [1, 1], [1, 1], 'same', 'relu', { name: `ds${i}/pointwise` });
  }
  b.avgPool2d([24, 5], { name: 'avgpool' });
  b.flatten('flatten');
  b.dense(12, 'softmax', { name: 'fc' });
  return b.build();
}
