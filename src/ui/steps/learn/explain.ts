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
