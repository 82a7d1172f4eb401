import type { ModelIR } from '../../models/ir';
import type { Split } from '../../data/types';

/**
 * One model handed to the pipeline: its float IR (batch norm folded, activations fused) and its task's data.
 * The training split gives the calibration rows (input statistics, the per-layer loss, the correction, the
 * int8 activation ranges) and the recovery's fine-tuning rows; it may be null only for plans that need none
 * of these (`needsTrain`).
 */
export interface CompressInput {
  ir: ModelIR;
  train: Split | null;
  val: Split;
  test: Split;
  /** Bytes the imported model's weights take as stored (quantised shards, .tflite file), when imported from files. */
  storedBytes?: number;
}
