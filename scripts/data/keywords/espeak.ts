// Runs Debian's espeak-ng and returns the utterance at 16 kHz, trimmed to where there is sound.
import { execFileSync } from 'node:child_process';
import { parseWav, resample } from '../../../src/core/data/audio/index';

/** How to say one utterance. */
export interface SpeakOptions {
  /** Base voice (accent), e.g. 'en-us'. */
  accent: string;
  /** Voice variant, e.g. 'f3' or 'whisper'; '' for the plain voice. */
  variant: string;
  /** Words per minute (espeak-ng -s). */
  speed: number;
  /** Base pitch 0-99 (espeak-ng -p). */
  pitch: number;
  /** SSML prosody range (pitch movement), e.g. 'x-low' .. 'x-high'. */
  range: string;
  /** Trailing punctuation that changes the intonation: '', '.', '?', '!'. */
  punct: string;
}

/** Checks espeak-ng is installed and prints how to install it if not. */
export function checkEspeak(): string {
  try {
    return execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim();
  } catch (e) {
    throw new Error('espeak-ng is needed to build the keywords task: sudo apt-get install -y espeak-ng', { cause: e });
  }
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Speaks `text` and returns mono float samples at `rate` Hz (espeak-ng's 22,050 Hz resampled). */
export function speakRaw(text: string, o: SpeakOptions, rate = 16000): Float32Array {
  const voice = o.variant ? `${o.accent}+${o.variant}` : o.accent;
  const ssml = `<speak><prosody range="${o.range}">${escapeXml(text)}${o.punct}</prosody></speak>`;
  const wav = execFileSync('espeak-ng', ['-m', '-v', voice, '-s', String(Math.round(o.speed)), '-p', String(Math.round(o.pitch)), '--stdout', ssml], { maxBuffer: 1 << 26 });
  const d = parseWav(new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength));
  if (d.samples.length === 0) throw new Error(`espeak-ng produced no audio for "${text}" with voice ${voice}`);
  return resample(d.samples, d.sampleRate, rate);
}

/** Cuts leading and trailing stretches quieter than `dbBelowPeak` (10 ms frames), keeping 20 ms margins. */
export function trimSilence(x: Float32Array, rate = 16000, dbBelowPeak = 40): Float32Array {
  const f = Math.round(rate / 100);
  const frames = Math.floor(x.length / f);
  const e = new Float64Array(frames);
  let peak = 0;
  for (let t = 0; t < frames; t++) {
    let s = 0;
    for (let i = t * f; i < (t + 1) * f; i++) s += x[i] * x[i];
    e[t] = s / f;
    peak = Math.max(peak, e[t]);
  }
  const thr = peak * 10 ** (-dbBelowPeak / 10);
  let a = 0, b = frames - 1;
  while (a < frames && e[a] < thr) a++;
  while (b > a && e[b] < thr) b--;
  return x.slice(Math.max(0, (a - 2) * f), Math.min(x.length, (b + 3) * f));
}

/** Speaks and trims. */
export function speak(text: string, o: SpeakOptions): Float32Array {
  return trimSilence(speakRaw(text, o));
}
