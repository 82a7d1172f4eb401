// One second of audio for one sample of the keywords task: a word (or none) from a random voice, placed at
// a random time, through a random room and microphone, over background noise at a random SNR.
import { placeInWindow, resample } from '../../../src/core/data/audio/index';
import type { Rng } from '../../../src/core/util/random';
import { babble, biquad, brown, convolve, dbToGain, hum, machine, pink, RATE, rms, roomImpulse, setRms, white } from './augment';
import type { SpeakOptions } from './espeak';
import { speak } from './espeak';
import { pickAccent } from './voices';
import { KEYWORDS, SILENCE, UNKNOWN, UNKNOWN_WORDS } from './words';

/** Voices and background speech available to one split. */
export interface SplitContext {
  variants: string[];
  babblePool: Float32Array[];
}

const RANGES = ['x-low', 'low', 'medium', 'high', 'x-high'];
const PUNCT = ['', '.', '?', '!'];
const NOISES: [string, number][] = [['none', 0.08], ['white', 0.12], ['pink', 0.15], ['brown', 0.1], ['hum', 0.12], ['machine', 0.13], ['babble', 0.18]];

/** A random voice of the split: accent, variant, speed (log-uniform 120-250 wpm), pitch, intonation. */
export function randomVoice(rng: Rng, variants: string[]): SpeakOptions {
  return {
    accent: pickAccent(rng.next()),
    variant: rng.pick(variants),
    speed: 120 * (250 / 120) ** rng.next(),
    pitch: rng.uniform(20, 80),
    range: rng.pick(RANGES),
    punct: rng.pick(PUNCT),
  };
}

function pickWeighted(rng: Rng, items: [string, number][]): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let u = rng.next() * total;
  for (const [k, w] of items) if ((u -= w) < 0) return k;
  return items[items.length - 1][0];
}

function noiseOf(kind: string, rng: Rng, ctx: SplitContext): Float32Array {
  switch (kind) {
    case 'white': return white(RATE, rng);
    case 'pink': return pink(RATE, rng);
    case 'brown': return brown(RATE, rng);
    case 'hum': return hum(RATE, rng);
    case 'machine': return machine(RATE, rng);
    case 'babble': {
      const clips = Array.from({ length: 2 + rng.int(4) }, () => rng.pick(ctx.babblePool));
      return babble(RATE, clips, rng);
    }
    default: return new Float32Array(RATE);
  }
}

/** A short click or thump (door, table knock, mic handling). */
function addTransient(x: Float32Array, level: number, rng: Rng): void {
  const len = Math.round(rng.uniform(0.005, 0.06) * RATE);
  const burst = biquad(white(len, rng), rng.next() < 0.5 ? 'lowpass' : 'highpass', rng.uniform(200, 3000), 0.7);
  setRms(burst, level);
  const at = rng.int(RATE - len);
  for (let i = 0; i < len; i++) x[at + i] += burst[i] * Math.exp((-5 * i) / len);
}

/** What was drawn for a sample (kept for statistics). */
export interface SampleInfo { text: string; voice: string; noise: string; snrDb: number; speed?: number; pitch?: number; reverb?: boolean; filtered?: boolean }

/** Renders one sample of class `cls` (0-9 keyword, 10 silence, 11 unknown): 16,000 floats in [-1, 1]. */
export function renderSample(cls: number, rng: Rng, ctx: SplitContext): { audio: Float32Array; info: SampleInfo } {
  // silence is background without speech: no babble (that would be "unknown" speech)
  const noiseKind = pickWeighted(rng, cls === SILENCE ? NOISES.filter(([k]) => k !== 'none' && k !== 'babble').concat([['none', 0.03]]) : NOISES);
  let out: Float32Array;
  let info: SampleInfo;
  if (cls === SILENCE) {
    out = noiseOf(noiseKind, rng, ctx);
    setRms(out, dbToGain(rng.uniform(-65, -20)));
    if (rng.next() < 0.3) addTransient(out, dbToGain(rng.uniform(-45, -20)), rng);
    info = { text: '', voice: '', noise: noiseKind, snrDb: NaN };
  } else {
    const text = cls === UNKNOWN ? rng.pick(UNKNOWN_WORDS) : KEYWORDS[cls];
    const v = randomVoice(rng, ctx.variants);
    // vocal-tract-length / tempo perturbation: read the clip as if sampled at 0.88-1.12 x 16 kHz, which
    // scales pitch and formants together (rates in steps of 50 Hz keep the polyphase resampler exact)
    const vtlp = Math.round((RATE * rng.uniform(0.88, 1.12)) / 50) * 50;
    let clip = resample(speak(text, v), vtlp, RATE);
    const reverb = rng.next() < 0.25;
    if (reverb) clip = convolve(clip, roomImpulse(rng.uniform(0.15, 0.6), rng.uniform(0.1, 0.5), rng));
    let filtered = false;
    if (rng.next() < 0.3) { clip = biquad(clip, 'highpass', rng.uniform(80, 400), 0.7); filtered = true; }
    if (rng.next() < 0.3) { clip = biquad(clip, 'lowpass', rng.uniform(2500, 7500), 0.7); filtered = true; }
    const speech = dbToGain(rng.uniform(-32, -12));
    setRms(clip, speech);
    const L = clip.length;
    const pos = L <= RATE ? Math.round(rng.uniform(-0.05 * L, RATE - 0.95 * L)) : Math.round(rng.uniform(RATE - L, 0));
    out = placeInWindow(clip, RATE, -pos);
    const snrDb = noiseKind === 'babble' ? rng.uniform(15, 30) : rng.uniform(5, 30);
    if (noiseKind !== 'none') {
      const n = noiseOf(noiseKind, rng, ctx);
      setRms(n, speech / dbToGain(snrDb));
      for (let i = 0; i < RATE; i++) out[i] += n[i];
    }
    if (rng.next() < 0.1) addTransient(out, speech * rng.uniform(0.2, 1), rng);
    info = { text, voice: `${v.accent}+${v.variant}`, noise: noiseKind, snrDb, speed: v.speed, pitch: v.pitch, reverb, filtered };
  }
  // microphone self-noise: no recording is digitally silent
  const floor = dbToGain(rng.uniform(-75, -55));
  for (let i = 0; i < RATE; i++) out[i] = Math.max(-1, Math.min(1, out[i] + floor * rng.normal()));
  if (!(rms(out) >= 0)) throw new Error('non-finite audio');
  return { audio: out, info };
}
