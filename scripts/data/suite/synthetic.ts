// Encodes the suite's two synthetic tasks (ecg, shapes) from their seeded generators in
// src/core/data/suite/ into the yono-dataset format. Generated at `npm install` (install-suite.ts);
// only the manifests are committed.
import type { DatasetMeta, EncodedDataset } from '../../../src/core/data/index';
import { encodeDataset } from '../../../src/core/data/index';
import { ECG_CLASSES, ECG_RATE, ECG_WINDOW, ecgWindow, generateBalanced, SHAPE_CLASSES, SHAPES_SIDE, shapeImage } from '../../../src/core/data/suite/index';

/** ECG values are stored as int16 in units of 1/1024 mV. */
export const ECG_LSB = 1 / 1024;

/** The ecg task: 1,200 / 300 / 500 windows per class (6,000 / 1,500 / 2,500). */
export function encodeEcg(): EncodedDataset {
  const seed = 1401;
  const splits = generateBalanced(ecgWindow, {
    classes: ECG_CLASSES.length, sampleSize: ECG_WINDOW, perClass: { train: 1200, val: 300, test: 500 }, seed,
    dtype: 'int16', quantize: (v) => v / ECG_LSB,
  });
  const meta: DatasetMeta = {
    name: 'ecg', modality: 'sensor', synthetic: true,
    description: 'Synthetic single-lead ECG rhythms (suite): 5.12 s windows at 100 Hz from a Gaussian-wave beat model with ' +
      'random morphology, gain, baseline wander and noise; normal sinus, bradycardia, tachycardia, atrial fibrillation, PVC. ' +
      '6,000 / 1,500 / 2,500 windows, class-balanced.',
    source: 'generated: src/core/data/suite/ecg.ts (seeded, ECGSYN-style sum of Gaussians per beat)',
    inputShape: [ECG_WINDOW, 1], classNames: [...ECG_CLASSES], x: { dtype: 'int16', scale: ECG_LSB, offset: 0 }, seed,
    extra: { sampleRateHz: ECG_RATE, unit: 'mV', suite: true },
  };
  return encodeDataset(meta, splits, 'shuffle-deflate');
}

/** The shapes task: 1,000 / 250 / 300 images per class (6,000 / 1,500 / 1,800). */
export function encodeShapes(): EncodedDataset {
  const seed = 1403;
  const splits = generateBalanced(shapeImage, {
    classes: SHAPE_CLASSES.length, sampleSize: SHAPES_SIDE * SHAPES_SIDE * 3, perClass: { train: 1000, val: 250, test: 300 }, seed,
    dtype: 'uint8', quantize: (v) => v,
  });
  const meta: DatasetMeta = {
    name: 'shapes', modality: 'image', synthetic: true,
    description: 'Synthetic 32x32 RGB images of one geometric shape (suite): circle, ring, triangle, square, hexagon or cross, ' +
      'random size, place, rotation and colours on a gradient, with distractor dots and noise. 6,000 / 1,500 / 1,800 images, class-balanced. Pixels / 255.',
    source: 'generated: src/core/data/suite/shapes.ts (seeded, anti-aliased signed distances)',
    inputShape: [SHAPES_SIDE, SHAPES_SIDE, 3], classNames: [...SHAPE_CLASSES], x: { dtype: 'uint8', scale: 1 / 255, offset: 0 }, seed,
    extra: { suite: true },
  };
  return encodeDataset(meta, splits, 'none'); // noisy pixels: deflate saves 5 % and costs 10 s per install
}
