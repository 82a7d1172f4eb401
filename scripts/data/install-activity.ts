// Run by scripts/prepare.mjs on every `npm install` / `npm ci` (through tsx): generates the synthetic
// activity task's split files into public/data/activity/ from its seeded model (about 4 s). Only the
// manifest is committed; its checksums say what the generator must produce, so a machine whose
// generator gives other bytes is told so instead of silently training or evaluating on other data.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest, SPLIT_NAMES } from '../../src/core/data/index';
import { encodeActivity } from './activity';
import { filesMatchManifest } from './images.mjs';
import { writeEncoded } from './write';

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = join(root, 'public', 'data', 'activity');
  const mpath = join(dir, 'manifest.json');
  const committed = existsSync(mpath) ? parseManifest(JSON.parse(readFileSync(mpath, 'utf8'))) : null;
  if (committed && filesMatchManifest(dir, committed)) {
    console.log('data: activity up to date');
    return;
  }
  const t0 = Date.now();
  const enc = encodeActivity();
  const differ = committed ? SPLIT_NAMES.filter((s) => enc.manifest.splits[s].crc32 !== committed.splits[s].crc32) : [];
  // The manifest written is the one that matches the files (the loader checks it).
  writeEncoded(join(root, 'public', 'data'), enc);
  if (differ.length) {
    console.warn(
      `data: WARNING: the activity generator produced different bytes on this machine for ${differ.join(', ')} ` +
        `than the committed manifest records (Node ${process.version}; the data was made with Node 20). The files ` +
        `were written and public/data/activity/manifest.json updated to match, but the pretrained activity model ` +
        `was trained on the committed data: retrain it with \`npm run pretrain -- --task activity\` or use Node 20.`,
    );
  }
  console.log(`data: activity generated (${SPLIT_NAMES.map((s) => enc.manifest.splits[s].n).join(' / ')} train/val/test) in ${Date.now() - t0} ms`);
}

main();
