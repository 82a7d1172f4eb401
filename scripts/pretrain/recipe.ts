// What `npm run pretrain` needs to train one task's model.
import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../../src/core/data/types';
import type { TrainOptions } from '../../src/core/models/train';

export interface Recipe {
  architecture: string;
  build(d: Dataset): tf.LayersModel;
  /** Adam with a cosine-decayed learning rate from `lr`. */
  train: { epochs: number; batchSize: number; lr: number; seed: number; augment?: TrainOptions['augment'] };
  /** Test accuracy below which pretrain prints a warning. */
  minAccuracy: number;
}
