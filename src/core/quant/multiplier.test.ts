import { describe, expect, it } from 'vitest';
import { createRng } from '../util/random';
import { multiplierValue, quantizeMultiplier } from './multiplier';

/** frexp from the bits of the double (independent of quantizeMultiplier's log2 search). */
function frexpBits(v: number): { q: number; e: number } {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  const biased = (dv.getUint16(0) >> 4) & 0x7ff;
  const e = biased - 1022;
  return { q: v / 2 ** e, e };
}

describe('quantizeMultiplier', () => {
  it('gives TFLM\'s (multiplier, shift) for simple values', () => {
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 2 ** 30, shift: 0 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 2 ** 30, shift: 1 });
    expect(quantizeMultiplier(0.75)).toEqual({ multiplier: 1610612736, shift: 0 });
    expect(quantizeMultiplier(0.3)).toEqual({ multiplier: 1288490189, shift: -1 });
    expect(quantizeMultiplier(3)).toEqual({ multiplier: 1610612736, shift: 2 });
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
  });

  it('carries q·2^31 rounding up to 2^31 into the shift (q just below 1)', () => {
    const real = 1 - 2 ** -40;
    expect(quantizeMultiplier(real)).toEqual({ multiplier: 2 ** 30, shift: 1 });
  });

  it('flushes multipliers below 2^-32 to zero, keeps 2^-32', () => {
    expect(quantizeMultiplier(2 ** -32)).toEqual({ multiplier: 2 ** 30, shift: -31 });
    expect(quantizeMultiplier(2 ** -33)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(1e-300)).toEqual({ multiplier: 0, shift: 0 });
  });

  it('matches frexp from the double\'s bits and stays within half a unit of 2^-31 relative error on 20,000 random values', () => {
    const rnd = createRng(7);
    for (let i = 0; i < 20_000; i++) {
      const real = rnd() * 2 ** Math.floor(rnd() * 60 - 30);
      if (real === 0) continue;
      const got = quantizeMultiplier(real);
      const { q, e } = frexpBits(real);
      let mq = Math.round(q * 2 ** 31), me = e;
      if (mq === 2 ** 31) { mq /= 2; me++; }
      if (me < -31) { mq = 0; me = 0; }
      expect(got).toEqual({ multiplier: mq, shift: me });
      if (mq) expect(Math.abs(multiplierValue(got) - real) / real).toBeLessThanOrEqual(2 ** -31);
    }
  });

  it('rejects negative, NaN, infinite and too large multipliers with a clear message', () => {
    expect(() => quantizeMultiplier(-0.1)).toThrow(/>= 0/);
    expect(() => quantizeMultiplier(NaN)).toThrow(/finite/);
    expect(() => quantizeMultiplier(Infinity)).toThrow(/finite/);
    expect(() => quantizeMultiplier(2 ** 31)).toThrow(/below 2\^31/);
  });
});
