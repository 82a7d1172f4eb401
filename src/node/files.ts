// Node file helpers for models: read a model.json with the weight files it lists, read NPY evaluation
// data from a folder, write named files, and find public/models. The bytes go to the pure core readers.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NamedFile } from '../core/io/files';
import { baseName } from '../core/io/files';

async function readNamed(path: string): Promise<NamedFile> {
  const b = await readFile(path);
  return { name: basename(path), bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
}

/**
 * Reads `model.json` and the weight files its weightsManifest lists (looked up next to it). Files that do
 * not exist are left out, so the core loader reports them by name; a missing model.json throws here.
 */
export async function readModelFiles(modelJsonPath: string): Promise<NamedFile[]> {
  const path = resolve(modelJsonPath);
  if (!existsSync(path)) throw new Error(`${modelJsonPath} does not exist: give the path of the model.json written by tfjs model.save()`);
  const json = await readNamed(path);
  const out = [json];
  let paths: string[];
  try {
    const parsed = JSON.parse(Buffer.from(json.bytes).toString('utf8')) as { weightsManifest?: { paths?: unknown[] }[] };
    paths = (parsed.weightsManifest ?? []).flatMap((g) => (g.paths ?? []).filter((p): p is string => typeof p === 'string'));
  } catch {
    return out; // the core parser explains what is wrong with the JSON
  }
  for (const p of new Set(paths.map(baseName))) {
    const f = join(dirname(path), p);
    if (existsSync(f)) out.push(await readNamed(f));
  }
  return out;
}

/** Reads `x.npy` and `y.npy` from a folder; throws naming the missing file. */
export async function readNpyDir(dir: string): Promise<{ x: NamedFile; y: NamedFile }> {
  const x = join(dir, 'x.npy');
  const y = join(dir, 'y.npy');
  for (const f of [x, y]) if (!existsSync(f)) throw new Error(`${f} does not exist: --data must be a folder holding x.npy (inputs) and y.npy (class ids)`);
  return { x: await readNamed(x), y: await readNamed(y) };
}

/** Writes named files into a folder (created if needed). */
export async function writeNamedFiles(dir: string, files: readonly NamedFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of files) await writeFile(join(dir, baseName(f.name)), f.bytes);
}

/**
 * The `public/models` folder: `$YONO_MODELS_DIR` if set, else `public/models` of the first folder walking
 * up from this file (or the cwd) that has a `public/` folder. It may not exist yet (before `npm run pretrain`).
 */
export function findModelsDir(): string {
  const env = process.env.YONO_MODELS_DIR;
  if (env) return resolve(env);
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, 'public')) && existsSync(join(dir, 'package.json'))) return join(dir, 'public', 'models');
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return resolve('public', 'models');
}
