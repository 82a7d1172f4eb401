import type { Op } from '../../program/program';
import type { WeightViews } from './decode';

/** An op with everything resolved for execution: buffers, weight views, tap ranges. */
export interface Step {
  op: Op;
  x: Float32Array; xo: number;
  x2: Float32Array; x2o: number;
  y: Float32Array; yo: number;
  w: WeightViews | null;
  /** Bias values (a float16 section decoded once into a per-layer table) and bytes per stored value. */
  bias: Float32Array | null;
  biasBytes: number;
  bnScale: Float32Array; bnShift: Float32Array;
  /** Float parameters of the ops from 32 (OP). */
  params: Float32Array;
  ry: Int32Array; rx: Int32Array;
  /** Byte pointers of x and y in SRAM (for the SIMD kernels). */
  xPtr: number; yPtr: number;
}
