import { describe, expect, it } from 'vitest';
import { generateBalanced } from './generate';

const make = (cls: number, rng: () => number) => [cls * 100 + rng(), -1000, 1000];
const opts = { classes: 3, sampleSize: 3, perClass: { train: 4, val: 2, test: 3 }, seed: 5, dtype: 'uint8' as const, quantize: (v: number) => v };

describe('generateBalanced', () => {
  it('gives each split its class-balanced share, labels in turn, values rounded and clamped to the dtype', () => {
    const s = generateBalanced(make, opts);
    expect([s.train.y.length, s.val.y.length, s.test.y.length]).toEqual([12, 6, 9]);
    expect(Array.from(s.val.y)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(Array.from(s.train.x.subarray(3, 6))).toEqual([100, 0, 255]);
    const i16 = generateBalanced(make, { ...opts, dtype: 'int16', quantize: (v) => v * 100 });
    expect(i16.train.x).toBeInstanceOf(Int16Array);
    expect(Array.from(i16.train.x.subarray(0, 3)).slice(1)).toEqual([-32768, 32767]);
  });
  it('is deterministic, and one split size does not change the other splits', () => {
    const a = generateBalanced(make, opts);
    expect(generateBalanced(make, opts)).toEqual(a);
    const b = generateBalanced(make, { ...opts, perClass: { ...opts.perClass, test: 7 } });
    expect(b.train).toEqual(a.train);
    expect(b.val).toEqual(a.val);
    expect(generateBalanced(make, { ...opts, seed: 6 }).train).not.toEqual(a.train);
  });
  it('rejects a sample of the wrong size', () => {
    expect(() => generateBalanced(() => [1], opts)).toThrow(/has 1 values, not 3/);
  });
});
