import { RealFft } from './fft';
import type { MelFilterbank } from './mel';
import { applyMel, melFilterbank } from './mel';

/** Settings of the log-mel front end. */
export interface LogMelConfig {
  sampleRate: number;
  /** Samples per frame (window length). */
  frameLength: number;
  /** Samples between frame starts. */
  hop: number;
  /** FFT size (power of two >= frameLength; the frame is zero-padded). */
  fftSize: number;
  numBands: number;
  fMin: number;
  fMax: number;
  /** Added to the mel energies before the natural log. */
  logFloor: number;
}

/**
 * The keywords task's front end: 16 kHz, 30 ms Hann frames every 20 ms, 512-point FFT, 40 mel bands
 * 20-7600 Hz, ln(energy + 1e-6). One second (16,000 samples) gives 49 frames -> a (49 x 40) spectrogram.
 * Samples are floats in [-1, 1].
 */
export const KEYWORD_FEATURES: LogMelConfig = {
  sampleRate: 16000, frameLength: 480, hop: 320, fftSize: 512, numBands: 40, fMin: 20, fMax: 7600, logFloor: 1e-6,
};

/** Number of whole frames in `length` samples (0 if shorter than a frame). */
export function numFrames(length: number, cfg: LogMelConfig): number {
  return length < cfg.frameLength ? 0 : 1 + Math.floor((length - cfg.frameLength) / cfg.hop);
}

/** Periodic Hann window of length n. */
export function hann(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  return w;
}

/** A reusable extractor: build once per config, call `compute` per signal. */
export class LogMelExtractor {
  readonly cfg: LogMelConfig;
  readonly filterbank: MelFilterbank;
  private readonly fft: RealFft;
  private readonly window: Float64Array;
  private readonly frame: Float64Array;
  private readonly power: Float64Array;
  private readonly mel: Float64Array;

  constructor(cfg: LogMelConfig = KEYWORD_FEATURES) {
    if (cfg.fftSize < cfg.frameLength) throw new Error(`fftSize ${cfg.fftSize} is smaller than frameLength ${cfg.frameLength}.`);
    if (!(cfg.hop > 0 && cfg.logFloor > 0)) throw new Error('hop and logFloor must be positive.');
    this.cfg = cfg;
    this.fft = new RealFft(cfg.fftSize);
    this.filterbank = melFilterbank(cfg.numBands, cfg.fftSize, cfg.sampleRate, cfg.fMin, cfg.fMax);
    this.window = hann(cfg.frameLength);
    this.frame = new Float64Array(cfg.fftSize);
    this.power = new Float64Array(cfg.fftSize / 2 + 1);
    this.mel = new Float64Array(cfg.numBands);
  }

  /**
   * Log-mel spectrogram of `signal` (mono, cfg.sampleRate): (frames x bands) row-major, frames =
   * numFrames(signal.length). Writes into `out` at `offset` when given (e.g. a dataset row), else allocates.
   */
  compute(signal: ArrayLike<number>, out?: Float32Array, offset = 0): Float32Array {
    const { frameLength, hop, numBands, logFloor } = this.cfg;
    const frames = numFrames(signal.length, this.cfg);
    const dst = out ?? new Float32Array(frames * numBands);
    if (dst.length < offset + frames * numBands) throw new Error(`Output holds ${dst.length - offset} values, need ${frames * numBands}.`);
    for (let t = 0; t < frames; t++) {
      const s0 = t * hop;
      for (let i = 0; i < frameLength; i++) this.frame[i] = signal[s0 + i] * this.window[i];
      this.fft.power(this.frame, this.power);
      applyMel(this.filterbank, this.power, this.mel);
      const o = offset + t * numBands;
      for (let b = 0; b < numBands; b++) dst[o + b] = Math.log(this.mel[b] + logFloor);
    }
    return dst;
  }
}

/** One-shot log-mel spectrogram with the given config (default: the keywords front end). */
export function logMelSpectrogram(signal: ArrayLike<number>, cfg: LogMelConfig = KEYWORD_FEATURES): Float32Array {
  return new LogMelExtractor(cfg).compute(signal);
}
