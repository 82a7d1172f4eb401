// Writes an encoded task to public/data/<task>/ and prints its per-split counts and class balance.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetManifest, EncodedDataset } from '../../src/core/data/index';
import { manifestText, SPLIT_NAMES } from '../../src/core/data/index';
import { crc32 } from '../../src/core/data/crc32';

/** Replaces the task folder's manifest and split files with `enc` (other stale .bin files are removed). */
export function writeEncoded(dataRoot: string, enc: EncodedDataset): void {
  const dir = join(dataRoot, enc.manifest.name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.bin') && !(f in enc.files)) rmSync(join(dir, f));
  for (const [f, b] of Object.entries(enc.files)) writeFileSync(join(dir, f), b);
  writeFileSync(join(dir, 'manifest.json'), manifestText(enc.manifest));
}

/** One line per split: n, stored bytes and samples per class. */
export function summary(m: DatasetManifest): string {
  const lines = [`${m.name} (${m.modality}${m.synthetic ? ', synthetic' : ''}) input ${m.inputShape.join('x')}, ${m.classNames.length} classes, ${m.x.dtype}`];
  for (const s of SPLIT_NAMES) {
    const e = m.splits[s];
    const bal = e.classCounts.map((c, i) => `${m.classNames[i]}:${c}`).join(' ');
    lines.push(`  ${s.padEnd(5)} n=${String(e.n).padStart(5)}  ${(e.bytes / 1024).toFixed(0).padStart(6)} KB  ${bal}`);
  }
  return lines.join('\n');
}

/** True when every split file the manifest names is in `taskDir` with the manifest's size and CRC-32. */
export function filesMatchManifest(taskDir: string, m: DatasetManifest): boolean {
  return SPLIT_NAMES.every((s) => {
    const f = join(taskDir, m.splits[s].file);
    if (!existsSync(f)) return false;
    const b = readFileSync(f);
    return b.length === m.splits[s].bytes && crc32(b) === m.splits[s].crc32;
  });
}
