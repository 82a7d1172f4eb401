import type { ModelIR } from '../../models/ir';
import { IRBuilder } from './builder';

/**
 * MLPerf Tiny anomaly detection reference model: the fully connected autoencoder on 640 inputs
 * (5 frames x 128 log-mel bands) from mlcommons/tiny `benchmark/training/anomaly_detection/keras_model.py`:
 * 640 - 128 x4 - 8 - 128 x4 - 640, ReLU between (batch norms folded), linear output. 264,192 MACs.
 */
export function adAutoencoder(): ModelIR {
  const b = new IRBuilder('ad-autoencoder', [640]);
  const widths = [128, 128, 128, 128, 8, 128, 128, 128, 128];
  widths.forEach((u, i) => b.dense(u, 'relu', { name: `fc${i + 1}` }));
  b.dense(640, 'linear', { name: 'fc10' });
  return b.build();
}
