// Builds the keywords task (synthetic speech from espeak-ng) into public/data/keywords/. A developer
// script: it needs espeak-ng (Debian package) and takes a few minutes; its output is committed.
import { KEYWORD_FEATURES, LogMelExtractor, numFrames } from '../../../src/core/data/audio/index';
import type { DatasetMeta, StoredSplit } from '../../../src/core/data/index';
import { encodeDataset, SPLIT_NAMES } from '../../../src/core/data/index';
import { createRng, deriveSeed, permutation } from '../../../src/core/util/random';
import type { SplitName } from '../../../src/core/data/types';
import { summary, writeEncoded } from '../write';
import { checkEspeak, speak } from './espeak';
import type { SplitContext } from './sample';
import { randomVoice, renderSample } from './sample';
import { HELD_OUT, variantsBySplit } from './voices';
import { BABBLE_WORDS, CLASS_NAMES, UNKNOWN_WORDS } from './words';

export const KEYWORDS_SEED = 3003;
/** Samples per class in each split. */
export const PER_CLASS: Record<SplitName, number> = { train: 600, val: 80, test: 160 };
const BABBLE_CLIPS = 120;

/**
 * Log-mel values are stored as uint8: x = q * SCALE + OFFSET, OFFSET = ln(1e-6) (digital silence), steps of
 * 0.3 (1.3 dB, below the frame-to-frame spread of a noisy spectrogram; coarser steps deflate better), up
 * to 62.7 (never reached).
 */
export const FEATURE_OFFSET = Math.log(KEYWORD_FEATURES.logFloor);
export const FEATURE_SCALE = 0.3;

function quantize(v: number): number {
  return Math.max(0, Math.min(255, Math.round((v - FEATURE_OFFSET) / FEATURE_SCALE)));
}

/** Generates every split, computes the features with the project's extractor, writes the task. */
export async function buildKeywords(dataRoot: string): Promise<void> {
  console.log(`keywords: ${checkEspeak()}`);
  const seed = KEYWORDS_SEED;
  const variants = variantsBySplit(seed);
  const frames = numFrames(KEYWORD_FEATURES.sampleRate, KEYWORD_FEATURES);
  const D = frames * KEYWORD_FEATURES.numBands;
  const ex = new LogMelExtractor(KEYWORD_FEATURES);
  const nc = CLASS_NAMES.length;
  const stored = {} as Record<SplitName, StoredSplit>;
  let sum = 0, sum2 = 0, count = 0, clipped = 0;
  const row = new Float32Array(D);
  for (const s of SPLIT_NAMES) {
    const t0 = Date.now();
    const brng = createRng(deriveSeed(seed, `babble-${s}`));
    const ctx: SplitContext = { variants: variants[s], babblePool: [] };
    for (let i = 0; i < BABBLE_CLIPS; i++) ctx.babblePool.push(speak(brng.pick(BABBLE_WORDS), randomVoice(brng, variants[s])));
    const n = PER_CLASS[s] * nc;
    const order = permutation(n, createRng(deriveSeed(seed, `order-${s}`)));
    const x = new Uint8Array(n * D);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const cls = i % nc;
      const { audio } = renderSample(cls, createRng(deriveSeed(seed, `${s}/${i}`)), ctx);
      ex.compute(audio, row, 0);
      const dst = order[i];
      for (let k = 0; k < D; k++) {
        const q = quantize(row[k]);
        if (q === 255) clipped++;
        x[dst * D + k] = q;
        if (s === 'train') { const v = q * FEATURE_SCALE + FEATURE_OFFSET; sum += v; sum2 += v * v; count++; }
      }
      y[dst] = cls;
      if ((i + 1) % 600 === 0) console.log(`  ${s}: ${i + 1} / ${n} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    stored[s] = { x, y };
  }
  const mean = sum / count, std = Math.sqrt(sum2 / count - mean * mean);
  const c = PER_CLASS;
  const meta: DatasetMeta = {
    name: 'keywords',
    modality: 'audio',
    synthetic: true,
    description:
      `Synthetic speech: spoken keywords generated with espeak-ng (not recorded). 10 keywords plus "silence" and ` +
      `"unknown" (${UNKNOWN_WORDS.length} other words), many accents and voice variants, speeds, pitches and intonations, ` +
      `random time shifts, rooms, microphones and background noise (white/pink/brown, hum, machine, babble) at random SNRs; ` +
      `1 s at 16 kHz -> log-mel ${frames} frames x ${KEYWORD_FEATURES.numBands} bands. Voice variants are split: ` +
      `${HELD_OUT.test} only in test, ${HELD_OUT.val} only in val. ${c.train} / ${c.val} / ${c.test} samples per class.`,
    source: `scripts/data/keywords (espeak-ng 1.51, seed ${seed}); features by src/core/data/audio (KEYWORD_FEATURES), uint8 log-mel`,
    inputShape: [frames, KEYWORD_FEATURES.numBands, 1],
    classNames: CLASS_NAMES,
    x: { dtype: 'uint8', scale: FEATURE_SCALE, offset: FEATURE_OFFSET },
    seed,
    extra: {
      features: { ...KEYWORD_FEATURES, kind: 'log-mel', layout: '(frames x bands), natural log of mel energy + logFloor' },
      trainMean: Number(mean.toFixed(5)),
      trainStd: Number(std.toFixed(5)),
      variants,
    },
  };
  const enc = encodeDataset(meta, stored, 'deflate');
  writeEncoded(dataRoot, enc);
  console.log(summary(enc.manifest));
  console.log(`  feature mean ${mean.toFixed(3)}, std ${std.toFixed(3)}, values clipped at the top: ${clipped}`);
}
