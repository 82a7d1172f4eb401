import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/util/random';
import { biquad, convolve, pink, rms, white } from './augment';
import { speak } from './espeak';
import { renderSample } from './sample';
import { variantFamily, VARIANTS, variantsBySplit } from './voices';
import { BABBLE_WORDS, KEYWORDS, UNKNOWN_WORDS } from './words';

describe('keywords generator pieces', () => {
  it('splits voice variants disjointly and reproducibly, keeping half of each family in train', () => {
    const s = variantsBySplit(3003);
    const all = [...s.train, ...s.val, ...s.test];
    expect(new Set(all).size).toBe(VARIANTS.length + 1);
    expect(s.train).toContain('');
    expect(variantsBySplit(3003)).toEqual(s);
    const held = [...s.val, ...s.test];
    for (const fam of new Set(VARIANTS.map(variantFamily))) {
      const members = VARIANTS.filter((v) => variantFamily(v) === fam);
      if (members.length > 1) expect(held.filter((v) => variantFamily(v) === fam).length).toBeLessThanOrEqual(members.length / 2);
    }
  });

  it('keeps keywords out of the unknown words and the babble', () => {
    for (const k of KEYWORDS) {
      expect(UNKNOWN_WORDS).not.toContain(k);
      for (const phrase of BABBLE_WORDS) expect(phrase.split(' ')).not.toContain(k);
    }
  });

  it('convolves like the direct sum and filters as asked', () => {
    const rng = createRng(1);
    const x = white(300, rng), h = white(40, rng);
    const y = convolve(x, h);
    for (const n of [0, 17, 200, 338]) {
      let s = 0;
      for (let k = 0; k < h.length; k++) if (n - k >= 0 && n - k < x.length) s += h[k] * x[n - k];
      expect(y[n]).toBeCloseTo(s, 4);
    }
    const p = pink(16000, rng);
    expect(rms(biquad(p, 'highpass', 2000, 0.7))).toBeLessThan(rms(p) / 2); // pink noise lives low
  });

  // espeak-ng is installed by scripts/ensure-arm-tools.mjs before the unit tests (never skipped)
  it('renders deterministic 1 s samples for a keyword and for silence', () => {
    const ctx = { variants: ['', 'f3'], babblePool: [speak('hello there', { accent: 'en-us', variant: '', speed: 160, pitch: 50, range: 'medium', punct: '' })] };
    const a = renderSample(0, createRng(5), ctx);
    const b = renderSample(0, createRng(5), ctx);
    expect(a.audio.length).toBe(16000);
    expect(a.audio).toEqual(b.audio);
    expect(a.info.text).toBe('yes');
    const s = renderSample(10, createRng(6), ctx);
    expect(s.info.text).toBe('');
    expect(rms(s.audio)).toBeLessThan(0.11); // noise at -65..-20 dBFS plus transients
    expect(a.audio.every((v) => Math.abs(v) <= 1)).toBe(true);
  });
});
