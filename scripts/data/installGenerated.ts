// The `npm install` step of a task whose split files are generated or converted, not committed: only its
// manifest is committed, and its checksums say what the generator must produce, so a machine whose
// generator gives other bytes is told so instead of silently training or evaluating on other data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EncodedDataset } from '../../src/core/data/index';
import { parseManifest, SPLIT_NAMES } from '../../src/core/data/index';
import { filesMatchManifest } from './images.mjs';
import { writeEncoded } from './write';

/**
 * Makes `<dataRoot>/<name>/` from `encode()` unless its files already match the committed manifest.
 * `retrain` is the command that retrains the model on the data (named in the warning when bytes differ).
 */
export function installGenerated(dataRoot: string, name: string, encode: () => EncodedDataset, retrain: string): void {
  const dir = join(dataRoot, name);
  const mpath = join(dir, 'manifest.json');
  const committed = existsSync(mpath) ? parseManifest(JSON.parse(readFileSync(mpath, 'utf8'))) : null;
  if (committed && filesMatchManifest(dir, committed)) {
    console.log(`data: ${name} up to date`);
    return;
  }
  const t0 = Date.now();
  const enc = encode();
  const differ = committed ? SPLIT_NAMES.filter((s) => enc.manifest.splits[s].crc32 !== committed.splits[s].crc32) : [];
  // The manifest written is the one that matches the files (the loader checks it).
  writeEncoded(dataRoot, enc);
  if (differ.length) {
    console.warn(
      `data: WARNING: the ${name} generator produced different bytes on this machine for ${differ.join(', ')} ` +
        `than the committed manifest records (Node ${process.version}; the data was made with Node 20). The files ` +
        `were written and public/data/${name}/manifest.json updated to match, but the pretrained ${name} model ` +
        `was trained on the committed data: retrain it with \`${retrain}\` or use Node 20.`,
    );
  }
  console.log(`data: ${name} generated (${SPLIT_NAMES.map((s) => enc.manifest.splits[s].n).join(' / ')} train/val/test) in ${Date.now() - t0} ms`);
}
