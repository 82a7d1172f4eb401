// Run by scripts/prepare.mjs on every `npm install` / `npm ci` (through tsx): generates the synthetic
// activity task's split files into public/data/activity/ from its seeded model (about 4 s). Only the
// manifest is committed; its checksums say what the generator must produce (see installGenerated).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeActivity } from './activity';
import { installGenerated } from './installGenerated';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
installGenerated(join(root, 'public', 'data'), 'activity', encodeActivity, 'npm run pretrain -- --task activity');
