import { describe, expect, it } from 'vitest';
import { activationRange, requantize } from './requantize';
import { quantizeMultiplier } from './multiplier';

describe('requantize', () => {
  it('scales the accumulator, adds the output zero point and clamps to the activation range', () => {
    const { multiplier, shift } = quantizeMultiplier(0.01);
    expect(requantize(1000, multiplier, shift, -5, -128, 127)).toBe(5);
    expect(requantize(-1000, multiplier, shift, -5, -128, 127)).toBe(-15);
    expect(requantize(1e8, multiplier, shift, 0, -128, 127)).toBe(127);
    expect(requantize(-1e8, multiplier, shift, 0, -128, 127)).toBe(-128);
    expect(requantize(-1000, multiplier, shift, -5, -5, 127)).toBe(-5); // ReLU on zero point -5
  });
});

describe('activationRange', () => {
  const out = { scale: Math.fround(8 / 255), zeroPoint: -128 };
  it('clamps at the zero point for ReLU and at q(6) for ReLU6', () => {
    expect(activationRange('linear', out)).toEqual({ min: -128, max: 127 });
    expect(activationRange('relu', { scale: 0.1, zeroPoint: 3 })).toEqual({ min: 3, max: 127 });
    expect(activationRange('relu6', out)).toEqual({ min: -128, max: -128 + Math.round(6 / Math.fround(8 / 255)) });
  });
  it('refuses activations that need a lookup table', () => {
    expect(() => activationRange('sigmoid', out)).toThrow(/own op/);
  });
});
