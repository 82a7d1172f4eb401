import type * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../models/ir';

/** A model imported from files: the live tfjs model (caller disposes it), its IR and its file names. */
export interface LoadedModel {
  model: tf.LayersModel;
  ir: ModelIR;
  /** Names of model.json and the weight files used (or of the .tflite file). */
  files: string[];
  /**
   * Bytes the weights take as stored: the weight shards listed by model.json (uint8 / uint16 / float16
   * when the converter quantised them), or the whole `.tflite` file. The report's "vs stored" ratio.
   */
  storedBytes: number;
}
