import { STM32F746 } from '../devices/stm32f746';
import { STM32L4R5_CALIBRATION } from '../devices/calibration-boards';
import { REFERENCE_MODELS } from '../reference-models/index';
import { CALIBRATION_POINTS } from '../reference-models/points';
import type { CalibrationPoint } from '../reference-models/points';
import { countsFromIR } from './counts-from-ir';
import { inferenceCost } from './model-cost';

/** One row of the calibration table: the model's prediction against a cited point. */
export interface CalibrationRow {
  point: CalibrationPoint;
  predictedMs: number;
  /**
   * Relative error in %: against the single cited value, or for a range against its nearer end (0 inside).
   * Positive = the model is slower than cited.
   */
  errorPct: number;
}

/**
 * Predicts every cited MLPerf Tiny point with the int8-optimized engine: the reference model's layer table
 * (int8 weights in flash, int8 activations) on the STM32F746 profile (DISCO-F746NG points) or on the
 * STM32L4R5 calibration profile (NUCLEO-L4R5ZI points).
 */
export function calibrationTable(): CalibrationRow[] {
  return CALIBRATION_POINTS.map((point) => {
    const device = point.board === 'DISCO-F746NG' ? STM32F746 : STM32L4R5_CALIBRATION;
    const counts = countsFromIR(REFERENCE_MODELS[point.task].build(), 'int8');
    const predictedMs = inferenceCost(counts, device, 'int8-optimized').ms;
    const [lo, hi] = Array.isArray(point.ms) ? point.ms : [point.ms, point.ms];
    const errorPct = predictedMs < lo ? (predictedMs / lo - 1) * 100 : predictedMs > hi ? (predictedMs / hi - 1) * 100 : 0;
    return { point, predictedMs, errorPct };
  });
}
