// Training recipes of the generalization suite (issue 14). Chosen once so each model reaches a sensible
// float accuracy in a few minutes on 2 cores; never changed to suit the compression.
import type { SuiteName } from '../../src/core/data/suite';
import type { Recipe } from './recipe';
import { clothes8Cnn, ecgCnn1d, shapesResNet, spamMlp } from './suiteArchitectures';

export const SUITE_RECIPES: Record<SuiteName, Recipe> = {
  spam: {
    architecture: 'MLP on a 512-word bag of words: dense 128, dense 64, dense 2',
    build: (d) => spamMlp(505, d.inputShape[0], d.classNames.length),
    train: { epochs: 8, batchSize: 32, lr: 1e-3, seed: 55 },
    minAccuracy: 0.95,
  },
  ecg: {
    architecture: 'Conv1D: conv k9/2 16, pointwise 32, conv k5 32, pointwise 32, conv k5 48, conv k3 64 with max pooling, global average pooling, dense',
    build: (d) => ecgCnn1d(606, d.inputShape, d.classNames.length),
    train: { epochs: 20, batchSize: 32, lr: 2e-3, seed: 66 },
    minAccuracy: 0.85,
  },
  shapes: {
    architecture: 'ResNet: conv3x3/2 16 + BN, residual block 16, conv3x3/2 32 + BN, residual block 32 (identity adds), global average pooling, dense',
    build: (d) => shapesResNet(707, d.inputShape, d.classNames.length),
    train: { epochs: 14, batchSize: 32, lr: 3e-3, seed: 77 },
    minAccuracy: 0.85,
  },
  clothes8: {
    architecture: 'CNN on 8x8: conv3x3 16, conv3x3 32, max pooling, conv3x3 32, dense 64, dense 10',
    build: (d) => clothes8Cnn(808, d.inputShape, d.classNames.length),
    train: { epochs: 16, batchSize: 64, lr: 2e-3, seed: 88 },
    minAccuracy: 0.75,
  },
};
