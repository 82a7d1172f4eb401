/**
 * Vite plugin: `data/<task>/preview.json` for every dataset in public/data, the first test sample of the
 * task (its values and label) so the Models step's thumbnails cost a few KB instead of whole test splits.
 * Made from the split itself with the core's decoder (one definition); served by the dev server and
 * written into the build. A task without data gets no file (the page then says the preview is missing).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
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

export function previews(dataDir = 'public/data'): Plugin {
  const tasks = () => (existsSync(dataDir) ? readdirSync(dataDir).filter((t) => existsSync(join(dataDir, t, 'manifest.json'))) : []);
  return {
    name: 'yono-previews',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/data\/([\w-]+)\/preview\.json$/.exec(req.url ?? '');
        const json = m ? previewJson(dataDir, m[1]) : null;
        if (!json) { next(); return; }
        res.setHeader('content-type', 'application/json');
        res.end(json);
      });
    },
    generateBundle() {
      for (const t of tasks()) {
        const json = previewJson(dataDir, t);
        if (json) this.emitFile({ type: 'asset', fileName: `data/${t}/preview.json`, source: json });
      }
    },
  };
}
