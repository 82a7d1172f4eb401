// Background noise, room reverberation and microphone colouring for the keywords task, all seeded.
import { ComplexFft } from '../../../src/core/data/audio/fft';
import type { Rng } from '../../../src/core/util/random';

export const RATE = 16000;

/** Root mean square of x[a..b). */
export function rms(x: Float32Array, a = 0, b = x.length): number {
  let s = 0;
  for (let i = a; i < b; i++) s += x[i] * x[i];
  return Math.sqrt(s / Math.max(1, b - a));
}

/** Scales x in place to the given RMS (no-op for silence). */
export function setRms(x: Float32Array, target: number): void {
  const r = rms(x);
  if (r > 0) for (let i = 0; i < x.length; i++) x[i] *= target / r;
}

export const dbToGain = (db: number): number => 10 ** (db / 20);

export function white(n: number, rng: Rng): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal();
  return x;
}

/** Pink (1/f) noise, Paul Kellet's refined filter on white noise. */
export function pink(n: number, rng: Rng): Float32Array {
  const x = new Float32Array(n);
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  for (let i = 0; i < n; i++) {
    const w = rng.normal();
    b0 = 0.99886 * b0 + w * 0.0555179; b1 = 0.99332 * b1 + w * 0.0750759; b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856; b4 = 0.55 * b4 + w * 0.5329522; b5 = -0.7616 * b5 - w * 0.016898;
    x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
  }
  return x;
}

/** Brown (1/f^2) noise: leaky integral of white noise. */
export function brown(n: number, rng: Rng): Float32Array {
  const x = new Float32Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = 0.995 * s + rng.normal();
    x[i] = s;
  }
  return x;
}

/** Mains hum: 50 or 60 Hz with random odd/even harmonics, a little pink noise underneath. */
export function hum(n: number, rng: Rng): Float32Array {
  const f0 = rng.next() < 0.5 ? 50 : 60;
  const x = pink(n, rng);
  setRms(x, 0.15);
  for (let h = 1; h <= 8; h++) {
    const a = rng.uniform(0, 1) / h, ph = rng.uniform(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) x[i] += a * Math.sin((2 * Math.PI * f0 * h * i) / RATE + ph);
  }
  return x;
}

/** Machine / fan noise: low-passed pink noise plus a few tones that wobble. */
export function machine(n: number, rng: Rng): Float32Array {
  const x = biquad(pink(n, rng), 'lowpass', rng.uniform(500, 3000), 0.7);
  setRms(x, 1);
  const tones = 1 + rng.int(3);
  for (let k = 0; k < tones; k++) {
    const f = rng.uniform(100, 1500), a = rng.uniform(0.1, 0.6), fm = rng.uniform(0.5, 4), ph = rng.uniform(0, 6.28);
    let phase = 0;
    for (let i = 0; i < n; i++) {
      phase += (2 * Math.PI * f * (1 + 0.01 * Math.sin((2 * Math.PI * fm * i) / RATE))) / RATE;
      x[i] += a * Math.sin(phase + ph);
    }
  }
  return x;
}

/** Babble: `clips` (other speech) overlapped at random offsets and levels over n samples. */
export function babble(n: number, clips: Float32Array[], rng: Rng): Float32Array {
  const x = new Float32Array(n);
  for (const c of clips) {
    const g = dbToGain(rng.uniform(-8, 0)) / Math.max(1e-9, rms(c));
    const start = rng.int(n + c.length) - c.length;
    for (let i = 0; i < c.length; i++) {
      const j = start + i;
      if (j >= 0 && j < n) x[j] += g * c[i];
    }
  }
  return x;
}

/** RBJ biquad low-pass or high-pass at `f` Hz (returns a new array). */
export function biquad(x: Float32Array, kind: 'lowpass' | 'highpass', f: number, q: number): Float32Array {
  const w = (2 * Math.PI * f) / RATE, c = Math.cos(w), al = Math.sin(w) / (2 * q);
  const b0 = kind === 'lowpass' ? (1 - c) / 2 : (1 + c) / 2, b1 = kind === 'lowpass' ? 1 - c : -(1 + c), b2 = b0;
  const a0 = 1 + al, a1 = -2 * c, a2 = 1 - al;
  const y = new Float32Array(x.length);
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = (b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
    x2 = x1; x1 = x[i]; y2 = y1; y1 = v;
    y[i] = v;
  }
  return y;
}

/** Linear convolution through one FFT (output length x.length + h.length - 1). */
export function convolve(x: Float32Array, h: Float32Array): Float32Array {
  const m = x.length + h.length - 1;
  let n = 1;
  while (n < m) n <<= 1;
  const fft = new ComplexFft(n);
  const ar = new Float64Array(n), ai = new Float64Array(n), br = new Float64Array(n), bi = new Float64Array(n);
  ar.set(x); br.set(h);
  fft.transform(ar, ai);
  fft.transform(br, bi);
  // product, then inverse via conj(FFT(conj(.)))
  for (let k = 0; k < n; k++) {
    const r = ar[k] * br[k] - ai[k] * bi[k], i = ar[k] * bi[k] + ai[k] * br[k];
    ar[k] = r; ai[k] = -i;
  }
  fft.transform(ar, ai);
  const y = new Float32Array(m);
  for (let k = 0; k < m; k++) y[k] = ar[k] / n;
  return y;
}

/** A synthetic room: direct sound plus exponentially decaying noise reaching -60 dB at rt60 s, wet gain `wet`. */
export function roomImpulse(rt60: number, wet: number, rng: Rng): Float32Array {
  const len = Math.round(rt60 * RATE);
  const h = new Float32Array(len);
  const pre = Math.round(rng.uniform(0.002, 0.01) * RATE);
  let e = 0;
  for (let i = pre; i < len; i++) {
    h[i] = rng.normal() * Math.exp((-6.91 * i) / len);
    e += h[i] * h[i];
  }
  const g = wet / Math.sqrt(e || 1);
  for (let i = 0; i < len; i++) h[i] *= g;
  h[0] = 1;
  return h;
}
