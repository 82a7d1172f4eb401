/** What each phase of the Learn demo shows, in a sentence or two. */
import type { LearnFrame } from '../../../core/learn/session';

export const PHASE_TITLE: Record<LearnFrame['phase'], string> = {
  weights: 'Weights',
  cut: 'Cut into subvectors',
  init: 'Initial codewords',
  assign: 'Assign',
  update: 'Update',
  reconstruct: 'Reconstruct',
};

/** One explanation per frame, with the frame's own figures. */
export function explain(f: LearnFrame, d: number, k: number, n: number, padding: number): string {
  switch (f.phase) {
    case 'weights':
      return 'A small dense layer: each column holds the weights of one output unit. Blue is negative, red positive.';
    case 'cut':
      return `Each unit's column is cut into chunks of d = ${d} weights: ${n} subvectors${padding ? ` (the last chunk of each column is padded with ${padding} zero${padding > 1 ? 's' : ''})` : ''}. On the right, every subvector is a point.`;
    case 'init':
      return `k-means++ picks K = ${k} starting codewords among the subvectors, far apart from each other (seeded, so the same link gives the same start).`;
    case 'assign':
      return f.changed === 0
        ? 'No subvector changed its codeword: k-means has converged.'
        : `Each subvector takes its nearest codeword (${f.changed} changed). Its ${Math.ceil(Math.log2(k))}-bit index is all that is stored.`;
    case 'update':
      return 'Each codeword moves to the mean of the subvectors assigned to it, which can only lower the total squared error.';
    case 'reconstruct':
      return 'Decoding replaces every subvector by its codeword. The error map shows what was lost.';
  }
}

/** The frame number a person reads (1 for the first frame), the same in the caption and on the inertia chart. */
export const frameNumber = (f: Pick<LearnFrame, 'step'>): number => f.step + 1;

/** The demo's terms, one line each, for a student meeting them for the first time. */
export const TERMS: { term: string; line: string }[] = [
  { term: 'k-means++', line: 'A way to pick the starting codewords: each new one is drawn among the subvectors, far from those already picked, so the start is spread out.' },
  { term: 'Inertia', line: 'The sum of squared distances from every subvector to its codeword: the error k-means lowers at every step.' },
  { term: 'SQNR', line: 'Signal-to-quantization-noise ratio: the weights\' energy over the error\'s energy, in dB; every 6 dB more means about half the error.' },
  { term: 'PCA', line: 'Principal component analysis: turns d-long subvectors into 2-D points along the two directions where they spread most, so they can be drawn.' },
];
