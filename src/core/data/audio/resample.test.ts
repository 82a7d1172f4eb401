import { describe, expect, it } from 'vitest';
import { keywordFeatures } from './keywordFeatures';
import { logMelSpectrogram } from './logmel';
import { resample } from './resample';
import { parseWav } from './wav';
import { loudestWindowStart, placeInWindow } from './window1s';

const tone = (f: number, n: number, sr: number) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * f * i) / sr));
const rms = (x: Float32Array, a = 0, b = x.length) => { let s = 0; for (let i = a; i < b; i++) s += x[i] * x[i]; return Math.sqrt(s / (b - a)); };

function wav(samples: number[], rate: number, channels: number, bits: 8 | 16 | 24 | 32, float = false): Uint8Array {
  const bps = bits / 8;
  const data = samples.length * bps;
  const dv = new DataView(new ArrayBuffer(44 + data));
  const put = (o: number, s: string) => { for (let i = 0; i < 4; i++) dv.setUint8(o + i, s.charCodeAt(i)); };
  put(0, 'RIFF'); dv.setUint32(4, 36 + data, true); put(8, 'WAVE'); put(12, 'fmt '); dv.setUint32(16, 16, true);
  dv.setUint16(20, float ? 3 : 1, true); dv.setUint16(22, channels, true); dv.setUint32(24, rate, true);
  dv.setUint32(28, rate * channels * bps, true); dv.setUint16(32, channels * bps, true); dv.setUint16(34, bits, true);
  put(36, 'data'); dv.setUint32(40, data, true);
  samples.forEach((v, i) => {
    const o = 44 + i * bps;
    if (float) dv.setFloat32(o, v, true);
    else if (bits === 8) dv.setUint8(o, Math.round(v * 128 + 128));
    else if (bits === 16) dv.setInt16(o, Math.round(v * 32767), true);
    else if (bits === 24) { const q = Math.round(v * 8388607); dv.setUint8(o, q & 255); dv.setUint8(o + 1, (q >> 8) & 255); dv.setUint8(o + 2, (q >> 16) & 255); }
    else dv.setInt32(o, Math.round(v * 2147483647), true);
  });
  return new Uint8Array(dv.buffer);
}

describe('resample', () => {
  it('keeps a tone below the new Nyquist and removes one above it', () => {
    const keep = resample(tone(1000, 22050, 22050), 22050, 16000);
    expect(keep.length).toBe(16000);
    expect(rms(keep, 200, 15800)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    const ref = tone(1000, 16000, 16000);
    let err = 0;
    for (let i = 200; i < 15800; i++) err = Math.max(err, Math.abs(keep[i] - ref[i]));
    expect(err).toBeLessThan(0.01);
    const gone = resample(tone(10000, 22050, 22050), 22050, 16000); // 10 kHz > 8 kHz Nyquist
    expect(rms(gone, 200, 15800)).toBeLessThan(0.02);
  });
  it('downsamples 48 kHz by 3 and upsamples 8 kHz', () => {
    expect(resample(tone(440, 48000, 48000), 48000, 16000).length).toBe(16000);
    expect(rms(resample(tone(440, 8000, 8000), 8000, 16000), 400, 15600)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });
});

describe('wav', () => {
  it('reads 8/16/24/32-bit PCM and float, averaging channels', () => {
    const s = [0, 0.5, -0.5, 0.25];
    for (const bits of [8, 16, 24, 32] as const) {
      const d = parseWav(wav(s, 22050, 1, bits));
      expect(d.sampleRate).toBe(22050);
      d.samples.forEach((v, i) => expect(v).toBeCloseTo(s[i], 2));
    }
    const st = parseWav(wav([0.5, 0.1, -0.2, -0.4], 16000, 2, 16, false));
    expect(st.samples.length).toBe(2);
    expect(st.samples[0]).toBeCloseTo(0.3, 3);
    expect(parseWav(wav(s, 8000, 1, 32, true)).samples[1]).toBe(0.5);
  });
  it('rejects what it cannot read', () => {
    expect(() => parseWav(new Uint8Array(20))).toThrow(/no RIFF\/WAVE header/);
    const w = wav([0], 8000, 1, 16);
    new DataView(w.buffer).setUint16(20, 2, true); // ADPCM
    expect(() => parseWav(w)).toThrow(/format 2/);
  });
});

describe('1 s windows and keywordFeatures', () => {
  it('places a clip with a shift and finds the loudest second', () => {
    expect(Array.from(placeInWindow([1, 2, 3], 5, -2))).toEqual([0, 0, 1, 2, 3]);
    expect(Array.from(placeInWindow([1, 2, 3, 4], 2, 1))).toEqual([2, 3]);
    const x = new Float32Array(40000);
    for (let i = 25000; i < 30000; i++) x[i] = 0.5;
    const s = loudestWindowStart(x, 16000);
    expect(s).toBeLessThanOrEqual(25000);
    expect(s + 16000).toBeGreaterThanOrEqual(30000);
  });
  it('gives the same features for a 16 kHz clip as the extractor on its centred second', () => {
    const clip = tone(500, 8000, 16000);
    const f = keywordFeatures(clip, 16000);
    expect(f).toEqual(logMelSpectrogram(placeInWindow(clip, 16000, -4000)));
    expect(keywordFeatures(tone(500, 44100, 44100), 44100).length).toBe(49 * 40);
  });
});
