// espeak-ng voices for the keywords task: English accents combined with espeak-ng's voice variants. Variants are split between train / val / test, so test
// speakers are never heard in training. The lists are fixed here (not read from the machine) so the
// build is the same wherever espeak-ng 1.51's data is installed.
import { createRng, deriveSeed, permutation } from '../../../src/core/util/random';
import type { SplitName } from '../../../src/core/data/types';

/** Base voices (espeak-ng's English accents) with a relative weight. */
export const ACCENTS: readonly [string, number][] = [
  ['en-us', 4], ['en-gb', 3], ['en-gb-scotland', 1.5], ['en-gb-x-gbclan', 1.5], ['en-gb-x-gbcwmd', 1.5],
  ['en-gb-x-rp', 1.5], ['en-029', 1.5], ['en-us-nyc', 1.5],
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
export const HELD_OUT = { val: 16, test: 16 };

/** Family of a variant: numbered siblings (klatt2, m5, robosoft3, ...) share one. */
export function variantFamily(v: string): string {
  const base = v.replace(/\d+$/, '');
  return base === 'anikaRobot' ? 'anika' : base === 'whisperf' ? 'whisper' : base;
}

/**
 * Seeded assignment of variants to splits; '' (the plain voice) always trains. Held-out variants are
 * unseen voices, but every family keeps at least half its members in train (so e.g. most Klatt voices are
 * not held out: test voices are new speakers, not a new synthesizer).
 */
export function variantsBySplit(seed: number): Record<SplitName, string[]> {
  const p = permutation(VARIANTS.length, createRng(deriveSeed(seed, 'variants')));
  const order = Array.from(p, (i) => VARIANTS[i]);
  const size = new Map<string, number>();
  for (const v of VARIANTS) size.set(variantFamily(v), (size.get(variantFamily(v)) ?? 0) + 1);
  const held = new Map<string, number>();
  const out: Record<SplitName, string[]> = { train: [''], val: [], test: [] };
  for (const v of order) {
    const fam = variantFamily(v);
    const n = size.get(fam) ?? 1;
    // singletons may be held out (new speakers); larger families keep at least half their members in train
    const canHold = n === 1 || (held.get(fam) ?? 0) < Math.floor(n / 2);
    const dst: SplitName = canHold && out.test.length < HELD_OUT.test ? 'test' : canHold && out.val.length < HELD_OUT.val ? 'val' : 'train';
    if (dst !== 'train') held.set(fam, (held.get(fam) ?? 0) + 1);
    out[dst].push(v);
  }
  return out;
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
