import { strFromU8 } from 'fflate';
import { parseDataset } from './decode';
import { parseManifest } from './manifest';
import type { Dataset, TaskName } from './types';
import { isTaskName } from './types';

/** Reads a file below the data root (`public/data/` in the app and the CLI) as bytes. */
export type DataLoader = (relPath: string) => Promise<ArrayBuffer>;

/** Path of a task's manifest below the data root. */
export const manifestPath = (name: TaskName): string => `${name}/manifest.json`;

/**
 * Loads a built-in task through `load` (fetch in the browser, fs in Node): its manifest, then its three
 * split files, checked and de-quantized to float32.
 */
export async function loadTask(name: TaskName, load: DataLoader): Promise<Dataset> {
  if (!isTaskName(name)) throw new Error(`Unknown task "${String(name)}": use one of digits, fashion, keywords, activity.`);
  const m = parseManifest(JSON.parse(strFromU8(new Uint8Array(await load(manifestPath(name))))) as unknown);
  if (m.name !== name) throw new Error(`${manifestPath(name)} describes task "${m.name}", not "${name}": regenerate with \`npm run data\`.`);
  const files: Record<string, ArrayBuffer> = {};
  for (const s of Object.values(m.splits)) files[s.file] = await load(`${name}/${s.file}`);
  return parseDataset(m, files);
}
