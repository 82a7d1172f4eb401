import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import { KEYWORD_FEATURES, LogMelExtractor, logMelSpectrogram, numFrames } from './logmel';
import { hzToMel, melFilterbank, melToHz } from './mel';

const tone = (f: number, n = 16000, sr = 16000, a = 0.5) => Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));

describe('mel filterbank', () => {
  it('inverts the mel scale and has rising centres inside the range', () => {
    expect(melToHz(hzToMel(1234))).toBeCloseTo(1234, 9);
    expect(hzToMel(1000)).toBeCloseTo(1000, 0); // the HTK scale is ~1000 mel at 1 kHz
    const fb = melFilterbank(40, 512, 16000, 20, 7600);
    for (let b = 1; b < 40; b++) expect(fb.centers[b]).toBeGreaterThan(fb.centers[b - 1]);
    expect(fb.centers[0]).toBeGreaterThan(20);
    expect(fb.centers[39]).toBeLessThan(7600);
    expect(Math.max(...fb.weights[20])).toBeLessThanOrEqual(1);
  });
  it('rejects ranges past Nyquist', () => {
    expect(() => melFilterbank(40, 512, 16000, 20, 9000)).toThrow(/fMax <= sampleRate\/2/);
  });
});

describe('log-mel spectrogram', () => {
  it('makes 49 x 40 features from one second at 16 kHz', () => {
    expect(numFrames(16000, KEYWORD_FEATURES)).toBe(49);
    expect(logMelSpectrogram(tone(440)).length).toBe(49 * 40);
  });

  it('puts a pure tone in the band whose centre is nearest, for low and high tones', () => {
    const ex = new LogMelExtractor();
    const centers = ex.filterbank.centers;
    for (const b of [5, 17, 30, 38]) {
      const f = centers[b];
      const s = ex.compute(tone(f));
      const frame = s.subarray(20 * 40, 21 * 40);
      let arg = 0;
      for (let i = 1; i < 40; i++) if (frame[i] > frame[arg]) arg = i;
      expect(arg).toBe(b);
    }
  });

  it('is 6 dB (ln 4 in power) higher for twice the amplitude, and at the floor for silence', () => {
    const ex = new LogMelExtractor();
    const a = ex.compute(tone(1000, 16000, 16000, 0.25));
    const b = ex.compute(tone(1000, 16000, 16000, 0.5));
    const band = ex.filterbank.centers.findIndex((c) => c > 1000);
    expect(b[10 * 40 + band] - a[10 * 40 + band]).toBeCloseTo(Math.log(4), 3);
    const z = ex.compute(new Float32Array(16000));
    expect(z[0]).toBeCloseTo(Math.log(1e-6), 5);
  });

  it('places a later onset in later frames', () => {
    const x = new Float32Array(16000);
    const rng = createRng(3);
    for (let i = 10000; i < 12000; i++) x[i] = rng.normal() * 0.3;
    const s = logMelSpectrogram(x);
    const energy = (t: number) => s.subarray(t * 40, t * 40 + 40).reduce((p, v) => p + v, 0);
    expect(energy(33)).toBeGreaterThan(energy(10) + 100); // frame 33 starts at 10,560 samples
    expect(energy(10)).toBeCloseTo(40 * Math.log(1e-6), 3);
  });

  it('writes into a given row of a larger buffer', () => {
    const out = new Float32Array(3 * 49 * 40);
    new LogMelExtractor().compute(tone(300), out, 49 * 40);
    expect(out[0]).toBe(0);
    expect(out[49 * 40]).not.toBe(0);
    expect(() => new LogMelExtractor().compute(tone(300), new Float32Array(10))).toThrow(/need 1960/);
  });
});
