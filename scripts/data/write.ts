// Writes an encoded task to public/data/<task>/ and prints its per-split counts and class balance.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetManifest, EncodedDataset } from '../../src/core/data/index';
import { manifestText, SPLIT_NAMES } from '../../src/core/data/index';

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

