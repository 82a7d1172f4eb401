/** Audio front end shared by the keywords generator and audio recorded or uploaded in the app. */
export { ComplexFft, RealFft } from './fft';
export { hzToMel, melToHz, melFilterbank, applyMel } from './mel';
export type { MelFilterbank } from './mel';
export { KEYWORD_FEATURES, LogMelExtractor, logMelSpectrogram, numFrames, hann } from './logmel';
export type { LogMelConfig } from './logmel';
export { resample } from './resample';
export { parseWav } from './wav';
export type { DecodedAudio } from './wav';
export { placeInWindow, loudestWindowStart } from './window1s';
export { keywordFeatures } from './keywordFeatures';
