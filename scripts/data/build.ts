// `npm run data`: regenerates the four built-in tasks and the generalization suite's in public/data/
// deterministically.
//   npm run data                       all tasks (keywords takes minutes; spam needs its package, see suite/spam.ts)
//   npm run data -- --only activity    one or more tasks, comma-separated (`suite` for the suite's)
// digits/fashion go through scripts/data/images.mjs, the same code `npm install` runs (install.mjs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetName, TaskName } from '../../src/core/data/index';
import { isDatasetName, parseManifest, SUITE_NAMES, TASK_NAMES } from '../../src/core/data/index';
import { buildImageTask } from './images.mjs';
import { summary } from './write';
import { SUITE_BUILDERS } from './suite/build';

type Builder = (dataRoot: string) => Promise<void>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataRoot = join(root, 'public', 'data');

const imageBuilder = (name: 'digits' | 'fashion'): Builder => async (dir) => {
  const { manifest } = buildImageTask(name, dir, { force: true });
  console.log(summary(parseManifest(manifest)));
};

const BUILTIN_BUILDERS: Record<TaskName, Builder> = {
  digits: imageBuilder('digits'),
  fashion: imageBuilder('fashion'),
  keywords: async (dir) => (await import('./keywords/build')).buildKeywords(dir),
  activity: async (dir) => (await import('./activity')).buildActivity(dir),
};

const BUILDERS: Record<DatasetName, Builder> = { ...BUILTIN_BUILDERS, ...SUITE_BUILDERS };

function parseOnly(argv: string[]): DatasetName[] {
  const i = argv.indexOf('--only');
  if (i < 0) return [...TASK_NAMES, ...SUITE_NAMES];
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean).flatMap((n) => (n === 'suite' ? [...SUITE_NAMES] : [n]));
  const bad = names.filter((n) => !isDatasetName(n));
  if (names.length === 0 || bad.length) {
    throw new Error(`--only takes task names separated by commas (${[...TASK_NAMES, ...SUITE_NAMES].join(', ')}, or suite); got "${argv[i + 1] ?? ''}".`);
  }
  return names as DatasetName[];
}

const only = parseOnly(process.argv.slice(2));
const total = Date.now();
for (const name of only) {
  const t0 = Date.now();
  await BUILDERS[name](dataRoot);
  console.log(`  -> ${name} built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
console.log(`npm run data: ${only.join(', ')} done in ${((Date.now() - total) / 1000).toFixed(1)} s`);
