/**
 * From an int32 accumulator to an int8 output: the requantisation step of every int8 kernel.
 */
import type { Activation } from '../models/ir';
import { INT8_MAX, INT8_MIN, roundHalfAway, type AffineParams } from './affine';
import { multiplyByQuantizedMultiplier } from './fixed-point';

/**
 * clamp(MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outZeroPoint, min, max): the output of
 * an int8 kernel (TFLM's and CMSIS-NN's order: requantise, add the output offset, clamp to the
 * activation range). acc: int32.
 */
export function requantize(acc: number, multiplier: number, shift: number, outZeroPoint: number, min: number, max: number): number {
  const v = multiplyByQuantizedMultiplier(acc, multiplier, shift) + outZeroPoint;
  return v < min ? min : v > max ? max : v;
}

/**
 * The int8 clamp range that applies a fused activation on the output's quantisation (TFLite's
 * CalculateActivationRangeQuantized): linear → [−128, 127]; relu → [zp, 127]; relu6 → [zp, q(6)].
 * Other activations are not fused into int8 kernels: they throw (they run as their own op).
 */
export function activationRange(act: Activation, out: AffineParams): { min: number; max: number } {
  const q = (v: number) => Math.max(INT8_MIN, Math.min(INT8_MAX, out.zeroPoint + roundHalfAway(Math.fround(v / out.scale))));
  switch (act) {
    case 'linear': return { min: INT8_MIN, max: INT8_MAX };
    case 'relu': return { min: Math.max(INT8_MIN, out.zeroPoint), max: INT8_MAX };
    case 'relu6': return { min: Math.max(INT8_MIN, out.zeroPoint), max: q(6) };
    default: throw new RangeError(`activation ${act} cannot be fused into an int8 kernel: it needs its own op (a lookup table)`);
  }
}
