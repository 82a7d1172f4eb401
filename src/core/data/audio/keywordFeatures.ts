import { KEYWORD_FEATURES, LogMelExtractor } from './logmel';
import { resample } from './resample';
import { loudestWindowStart, placeInWindow } from './window1s';

let extractor: LogMelExtractor | null = null;

/**
 * Features of any mono clip for the keywords model, exactly as the built-in data was made:
 * resample to 16 kHz, take the loudest 1 s (zero-padded if shorter), log-mel (49 x 40) row-major.
 */
export function keywordFeatures(samples: ArrayLike<number>, sampleRate: number): Float32Array {
  const cfg = KEYWORD_FEATURES;
  const x = sampleRate === cfg.sampleRate ? samples : resample(samples, sampleRate, cfg.sampleRate);
  const len = cfg.sampleRate;
  const start = x.length > len ? loudestWindowStart(x, len) : -Math.floor((len - x.length) / 2);
  extractor ??= new LogMelExtractor(cfg);
  return extractor.compute(placeInWindow(x, len, start));
}
