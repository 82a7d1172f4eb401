import type { MlperfTask } from './index';

/** A published latency of an MLPerf Tiny reference model on a board, used to calibrate the cost model. */
export interface CalibrationPoint {
  task: MlperfTask;
  /** Board as submitted. */
  board: 'DISCO-F746NG' | 'NUCLEO-L4R5ZI';
  /** Inference engine of the submission. */
  engine: string;
  /** Median latency in ms as published; a [min, max] pair when two submissions bracket the point. */
  ms: number | [number, number];
  /** Where the figure comes from. */
  source: string;
}

const MLPERF = 'MLPerf Tiny inference results v0.5-v1.1, closed division, median latency (table in /work/shared/MCU-FIGURES.md)';

/**
 * Every point the calibration test checks (issue 6: "every cited point within +-30 %").
 * The DISCO-F746NG (Cortex-M7, 216 MHz) points are the two vendor int8 engines, Plumerai and Bosch HALE; VWW
 * differs most between them (34.1 vs 57.2 ms), so it is kept as a range and the model must lie within 30 % of
 * both ends. The NUCLEO-L4R5ZI (Cortex-M4, 120 MHz) points are microTVM + CMSIS-NN.
 */
export const CALIBRATION_POINTS: CalibrationPoint[] = [
  { task: 'kws', board: 'DISCO-F746NG', engine: 'Plumerai / Bosch HALE', ms: [17.75, 18.4], source: MLPERF },
  { task: 'ic', board: 'DISCO-F746NG', engine: 'Plumerai / Bosch HALE', ms: [61.6, 62.9], source: MLPERF },
  { task: 'vww', board: 'DISCO-F746NG', engine: 'Plumerai / Bosch HALE', ms: [34.1, 57.2], source: MLPERF },
  { task: 'ad', board: 'DISCO-F746NG', engine: 'Plumerai / Bosch HALE', ms: [1.70, 1.71], source: MLPERF },
  { task: 'kws', board: 'NUCLEO-L4R5ZI', engine: 'microTVM + CMSIS-NN', ms: 99.8, source: MLPERF },
  { task: 'ic', board: 'NUCLEO-L4R5ZI', engine: 'microTVM + CMSIS-NN', ms: 389.6, source: MLPERF },
  { task: 'vww', board: 'NUCLEO-L4R5ZI', engine: 'microTVM + CMSIS-NN', ms: 300.8, source: MLPERF },
  { task: 'ad', board: 'NUCLEO-L4R5ZI', engine: 'microTVM + CMSIS-NN', ms: 8.60, source: MLPERF },
];
