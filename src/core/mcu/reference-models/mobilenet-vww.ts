import type { ModelIR } from '../../models/ir';
import { IRBuilder } from './builder';

/**
 * MLPerf Tiny visual wake words reference model: MobileNetV1 with width multiplier 0.25 on 96 x 96 x 3,
 * 2 classes. Architecture as in mlcommons/tiny `benchmark/training/visual_wake_words/vww_model.py`
 * (`mobilenet_v1`): a 3x3 stride-2 conv with 8 filters, 13 depthwise-separable blocks (depthwise strides
 * 1,2,1,2,1,2,1,1,1,1,1,2,1; pointwise widths 16,32,32,64,64,128 x6,256,256), average pooling over the
 * final 3x3, a dense layer. Batch norms are folded. 7,489,664 MACs.
 */
export function mobilenetV1Vww(): ModelIR {
  const b = new IRBuilder('mobilenetv1-0.25-vww', [96, 96, 3]);
  b.conv2d(8, [3, 3], [2, 2], 'same', 'relu', { name: 'conv1' });
  const blocks: [number, number][] = [
    [1, 16], [2, 32], [1, 32], [2, 64], [1, 64], [2, 128],
    [1, 128], [1, 128], [1, 128], [1, 128], [1, 128], [2, 256], [1, 256],
  ];
  blocks.forEach(([s, f], i) => {
    b.depthwise([3, 3], [s, s], 'same', 'relu', { name: `block${i + 1}/depthwise` });
    b.conv2d(f, [1, 1], [1, 1], 'same', 'relu', { name: `block${i + 1}/pointwise` });
  });
  b.avgPool2d([3, 3], { name: 'avgpool' });
  b.flatten('flatten');
  b.dense(2, 'softmax', { name: 'fc' });
  return b.build();
}
