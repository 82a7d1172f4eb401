import type { Rng } from '../../util/random';
import { createRng, deriveSeed, permutation } from '../../util/random';
import type { SplitName } from '../types';
import { SPLIT_NAMES } from '../types';
import { ACTIVITY_CLASSES } from './params';
import { drawPerson } from './person';
import { ACTIVITY_WINDOW, generateWindow } from './window';

/** How many simulated people go into each split (people never cross splits) and windows per activity. */
export interface ActivityDataOptions {
  seed: number;
  persons: Record<SplitName, number>;
  windowsPerActivity: number;
  /** Probability of a transition window (default 0.12). */
  transitionP?: number;
}

/** One split in g, before quantization: (n x 128 x 3) and labels. */
export interface ActivitySplit {
  x: Float32Array;
  y: Uint8Array;
  /** Person index (global) of each window, for checks. */
  person: Uint16Array;
}

/** The defaults `npm run data` uses. */
export const ACTIVITY_DEFAULTS: ActivityDataOptions = {
  seed: 4004,
  persons: { train: 48, val: 48, test: 144 },
  windowsPerActivity: 10,
};

const WINDOW_VALUES = ACTIVITY_WINDOW * 3;

/**
 * Generates the activity task: each person (own seed derived from `seed`) gets `windowsPerActivity`
 * windows of every activity; persons 0.. go to train, then val, then test; each split is shuffled.
 * Deterministic: the same options give the same values on every platform.
 */
export function generateActivitySplits(opts: ActivityDataOptions): Record<SplitName, ActivitySplit> {
  const nA = ACTIVITY_CLASSES.length;
  const out = {} as Record<SplitName, ActivitySplit>;
  let firstPerson = 0;
  for (const s of SPLIT_NAMES) {
    const persons = opts.persons[s];
    const n = persons * nA * opts.windowsPerActivity;
    const x = new Float32Array(n * WINDOW_VALUES);
    const y = new Uint8Array(n);
    const person = new Uint16Array(n);
    const order = permutation(n, createRng(deriveSeed(opts.seed, `shuffle-${s}`)));
    let k = 0;
    for (let p = firstPerson; p < firstPerson + persons; p++) {
      const rng: Rng = createRng(deriveSeed(opts.seed, `person-${p}`));
      const who = drawPerson(rng);
      for (let w = 0; w < opts.windowsPerActivity; w++) {
        for (let a = 0; a < nA; a++) {
          const dst = order[k++];
          generateWindow(a, who, rng, x, dst * WINDOW_VALUES, { transitionP: opts.transitionP });
          y[dst] = a;
          person[dst] = p;
        }
      }
    }
    out[s] = { x, y, person };
    firstPerson += persons;
  }
  return out;
}
