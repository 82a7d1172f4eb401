// espeak-ng voices for the keywords task: English accents (plus a few foreign accents speaking English)
// combined with espeak-ng's voice variants. Variants are split between train / val / test, so test
// speakers are never heard in training. The lists are fixed here (not read from the machine) so the
// build is the same wherever espeak-ng 1.51's data is installed.
import { createRng, deriveSeed, permutation } from '../../../src/core/data/rng';
import type { SplitName } from '../../../src/core/data/types';

/** Base voices with a relative weight: the English accents, then foreign accents speaking English. */
export const ACCENTS: readonly [string, number][] = [
  ['en-us', 4], ['en-gb', 3], ['en-gb-scotland', 1.5], ['en-gb-x-gbclan', 1.5], ['en-gb-x-gbcwmd', 1.5],
  ['en-gb-x-rp', 1.5], ['en-029', 1.5], ['en-us-nyc', 1.5],
  ['de', 0.3], ['nl', 0.3], ['sv', 0.3], ['pl', 0.3], ['es', 0.3], ['it', 0.3], ['hi', 0.3], ['fr', 0.3],
];

/** espeak-ng 1.51's voice variants (voices/!v), without the one whose name has a space. */
export const VARIANTS: readonly string[] = [
  'Alex', 'Alicia', 'Andrea', 'Andy', 'Annie', 'AnxiousAndy', 'Demonic', 'Denis', 'Diogo', 'Gene', 'Gene2', 'Henrique',
  'Hugo', 'Jacky', 'Lee', 'Marco', 'Mario', 'Michael', 'Mike', 'Nguyen', 'RicishayMax', 'RicishayMax2', 'RicishayMax3',
  'Storm', 'Tweaky', 'UniRobot', 'adam', 'anika', 'anikaRobot', 'announcer', 'antonio', 'aunty', 'belinda', 'benjamin',
  'boris', 'caleb', 'croak', 'david', 'ed', 'edward', 'edward2', 'f1', 'f2', 'f3', 'f4', 'f5', 'fast', 'grandma',
  'grandpa', 'gustave', 'iven', 'iven2', 'iven3', 'iven4', 'john', 'kaukovalta', 'klatt', 'klatt2', 'klatt3', 'klatt4',
  'klatt5', 'klatt6', 'linda', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'marcelo', 'max', 'michel', 'miguel',
  'norbert', 'pablo', 'paul', 'pedro', 'quincy', 'rob', 'robert', 'robosoft', 'robosoft2', 'robosoft3', 'robosoft4',
  'robosoft5', 'robosoft6', 'robosoft7', 'robosoft8', 'sandro', 'shelby', 'steph', 'steph2', 'steph3', 'travis',
  'victor', 'whisper', 'whisperf', 'zac',
];

/** Variants held out per split (the rest, plus the plain voice, train). */
export const HELD_OUT = { val: 12, test: 22 };

/** Seeded assignment of variants to splits; '' (the plain voice) always trains. */
export function variantsBySplit(seed: number): Record<SplitName, string[]> {
  const p = permutation(VARIANTS.length, createRng(deriveSeed(seed, 'variants')));
  const order = Array.from(p, (i) => VARIANTS[i]);
  const test = order.slice(0, HELD_OUT.test);
  const val = order.slice(HELD_OUT.test, HELD_OUT.test + HELD_OUT.val);
  const train = ['', ...order.slice(HELD_OUT.test + HELD_OUT.val)];
  return { train, val, test };
}

/** Picks an accent by weight with a uniform draw u in [0, 1). */
export function pickAccent(u: number): string {
  const total = ACCENTS.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [name, w] of ACCENTS) {
    acc += w / total;
    if (u < acc) return name;
  }
  return ACCENTS[ACCENTS.length - 1][0];
}
