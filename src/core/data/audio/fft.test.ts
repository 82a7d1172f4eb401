import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import { ComplexFft, RealFft } from './fft';

function naiveDft(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  const re = new Float64Array(n), im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < n; t++) {
      re[k] += x[t] * Math.cos((2 * Math.PI * k * t) / n);
      im[k] -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
  }
  return { re, im };
}

describe('fft', () => {
  it('complex FFT matches a naive DFT', () => {
    const rng = createRng(1);
    const n = 64;
    const re = Float64Array.from({ length: n }, () => rng.normal());
    const im = Float64Array.from({ length: n }, () => rng.normal());
    const ref = { re: new Float64Array(n), im: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      for (let t = 0; t < n; t++) {
        const c = Math.cos((2 * Math.PI * k * t) / n), s = -Math.sin((2 * Math.PI * k * t) / n);
        ref.re[k] += re[t] * c - im[t] * s;
        ref.im[k] += re[t] * s + im[t] * c;
      }
    }
    new ComplexFft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      expect(re[k]).toBeCloseTo(ref.re[k], 9);
      expect(im[k]).toBeCloseTo(ref.im[k], 9);
    }
  });

  it('real FFT power matches |DFT|^2 for random frames of several sizes', () => {
    const rng = createRng(2);
    for (const n of [4, 8, 32, 512]) {
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const { re, im } = naiveDft(x);
      const p = new Float64Array(n / 2 + 1);
      new RealFft(n).power(x, p);
      for (let k = 0; k <= n / 2; k++) expect(p[k]).toBeCloseTo(re[k] * re[k] + im[k] * im[k], 6);
    }
  });

  it('puts a bin-centred cosine in its bin and rejects bad sizes', () => {
    const n = 256;
    const x = Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * 10 * t) / n));
    const p = new Float64Array(n / 2 + 1);
    new RealFft(n).power(x, p);
    expect(p[10]).toBeCloseTo((n / 2) ** 2, 6);
    expect(p[11] + p[9]).toBeLessThan(1e-12);
    expect(() => new RealFft(480)).toThrow(/power of two/);
    expect(() => new ComplexFft(3)).toThrow(/power of two/);
  });
});
