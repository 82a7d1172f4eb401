/**
 * Vite plugin: serves and builds `data/<task>/preview.json` (scripts/previews.ts, run once with tsx so the
 * config itself imports no TypeScript from src/). A task without data gets no file (the page then reads
 * its test split, or says the preview is missing).
 */
import { execFileSync } from 'node:child_process';

/** @param {string} dataDir @returns {Record<string, string>} */
function readPreviews(dataDir) {
  try {
    const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/previews.ts', dataDir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return JSON.parse(out);
  } catch (e) {
    console.warn(`previews: none written (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); thumbnails will read the test splits`);
    return {};
  }
}

/** @param {string} [dataDir] @returns {import('vite').Plugin} */
export function previews(dataDir = 'public/data') {
  /** @type {Record<string, string> | null} */
  let cache = null;
  const all = () => (cache ??= readPreviews(dataDir));
  return {
    name: 'yono-previews',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/data\/([\w-]+)\/preview\.json$/.exec(req.url ?? '');
        const json = m ? all()[m[1]] : undefined;
        if (!json) { next(); return; }
        res.setHeader('content-type', 'application/json');
        res.end(json);
      });
    },
    generateBundle() {
      for (const [t, json] of Object.entries(all())) this.emitFile({ type: 'asset', fileName: `data/${t}/preview.json`, source: json });
    },
  };
}
