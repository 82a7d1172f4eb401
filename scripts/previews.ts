/**
 * `data/<task>/preview.json` for every dataset in public/data: the first test sample of the task (its
 * values and label), so the Models step's thumbnails cost a few KB instead of whole test splits. Made
 * from the split itself with the core's decoder (one definition). The Vite plugin (vite-previews.ts) runs
 * this file with tsx and puts the files in the build and the dev server.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../src/core/data/manifest';
import { decodeSplit, sampleSize } from '../src/core/data/decode';

/** The preview file of one task, or null when its data is absent. */
export function previewJson(dataDir: string, task: string): string | null {
  const dir = join(dataDir, task);
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  const m = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const file = join(dir, m.splits.test.file);
  if (!existsSync(file)) return null;
  const split = decodeSplit(m, 'test', readFileSync(file));
  const size = sampleSize(m.inputShape);
  // 5 significant digits: the thumbnail looks the same, the file stays small.
  const x = Array.from(split.x.subarray(0, size), (v) => Number(v.toPrecision(5)));
  return JSON.stringify({ format: 'yono-preview', version: 1, task, y: split.y[0], x });
}

/** Every task's preview file, by task name (`tsx scripts/previews.ts [dataDir]` prints this as JSON). */
export function allPreviews(dataDir = 'public/data'): Record<string, string> {
  if (!existsSync(dataDir)) return {};
  const out: Record<string, string> = {};
  for (const t of readdirSync(dataDir)) {
    const json = previewJson(dataDir, t);
    if (json) out[t] = json;
  }
  return out;
}

if (process.argv[1] && /previews\.ts$/.test(process.argv[1])) process.stdout.write(JSON.stringify(allPreviews(process.argv[2])));
