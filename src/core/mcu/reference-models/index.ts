import type { ModelIR } from '../../models/ir';
import { adAutoencoder } from './ad-autoencoder';
import { kwsDsCnn } from './kws-dscnn';
import { mobilenetV1Vww } from './mobilenet-vww';
import { resnet8 } from './resnet8';

export { adAutoencoder, kwsDsCnn, mobilenetV1Vww, resnet8 };

/** The four MLPerf Tiny v1 benchmark tasks. */
export type MlperfTask = 'kws' | 'ic' | 'vww' | 'ad';

/** One MLPerf Tiny reference model: its IR and its published MAC count. */
export interface ReferenceModel {
  task: MlperfTask;
  /** Builds the layer table (zero weights). */
  build: () => ModelIR;
  /** MACs as published with the benchmark (MCU-FIGURES.md, "Published latencies for calibration"). */
  citedMacs: number;
}

/** The reference models of the MLPerf Tiny inference benchmark, for calibrating the cost model. */
export const REFERENCE_MODELS: Record<MlperfTask, ReferenceModel> = {
  kws: { task: 'kws', build: kwsDsCnn, citedMacs: 2_656_768 },
  ic: { task: 'ic', build: resnet8, citedMacs: 12_501_632 },
  vww: { task: 'vww', build: mobilenetV1Vww, citedMacs: 7_489_664 },
  ad: { task: 'ad', build: adAutoencoder, citedMacs: 264_192 },
};
