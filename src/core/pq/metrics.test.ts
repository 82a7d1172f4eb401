import { describe, expect, it } from 'vitest';
import { mse, sqnrDb } from './metrics';
import { reconstruct } from './reconstruct';
import { codebookBytes, float32Bytes, packedIndexBytes } from './bytes';

describe('reconstruct', () => {
  it('copies codeword rows in assignment order', () => {
    const cb = Float32Array.from([1, 2, 3, 4, 5, 6]); // (3 x 2)
    expect(Array.from(reconstruct(Uint16Array.from([2, 0, 2]), cb, 2, 3))).toEqual([5, 6, 1, 2, 5, 6]);
  });
  it('rejects out-of-range assignments and mismatched d', () => {
    expect(() => reconstruct([3], Float32Array.from([1, 2, 3, 4, 5, 6]), 2, 1)).toThrow(/has 3 codewords/);
    expect(() => reconstruct([0], Float32Array.from([1, 2, 3]), 2, 1)).toThrow(/not a multiple of d = 2/);
  });
});

describe('mse and sqnrDb', () => {
  it('computes the mean squared error', () => {
    expect(mse([1, 2, 3], [1, 2, 5])).toBeCloseTo(4 / 3, 12);
    expect(mse([], [])).toBe(0);
    expect(() => mse([1], [1, 2])).toThrow(/differ in length/);
  });
  it('computes SQNR in dB', () => {
    // signal 1+4 = 5, noise 0.25+0.25 = 0.5 -> 10 dB
    expect(sqnrDb([1, 2], [1.5, 1.5])).toBeCloseTo(10, 10);
    expect(sqnrDb([1, 2], [1, 2])).toBe(Infinity);
    expect(sqnrDb([0, 0], [1, 0])).toBe(-Infinity);
  });
});

describe('byte accounting', () => {
  it('counts packed indices, codebooks and float32 weights', () => {
    expect(packedIndexBytes(10, 3)).toBe(4);
    expect(packedIndexBytes(8, 8)).toBe(8);
    expect(packedIndexBytes(0, 8)).toBe(0);
    expect(codebookBytes(256, 8)).toBe(8192);
    expect(codebookBytes(256, 8, 2)).toBe(4096);
    expect(float32Bytes(1000)).toBe(4000);
    expect(() => packedIndexBytes(-1, 8)).toThrow(/non-negative integer/);
    expect(() => packedIndexBytes(4, 0)).toThrow(/bits must be an integer/);
  });
});
