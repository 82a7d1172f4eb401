import { strFromU8 } from 'fflate';
import { parseDataset } from './decode';
import { parseManifest } from './manifest';
import type { Dataset } from './types';
import type { DatasetName } from './suite';
import { isDatasetName, SUITE_NAMES } from './suite';
import { TASK_NAMES } from './types';

/** Reads a file below the data root (`public/data/` in the app and the CLI) as bytes. */
export type DataLoader = (relPath: string) => Promise<ArrayBuffer>;

/** Path of a task's manifest below the data root. */
export const manifestPath = (name: DatasetName): string => `${name}/manifest.json`;

/**
 * Loads a built-in task through `load` (fetch in the browser, fs in Node): its manifest, then its three
 * split files, checked and de-quantized to float32. Also loads the generalization suite's tasks (SUITE_NAMES).
 */
export async function loadTask(name: DatasetName, load: DataLoader): Promise<Dataset> {
  if (!isDatasetName(name)) throw new Error(`Unknown task "${String(name)}": use one of ${TASK_NAMES.join(', ')} (built-in) or ${SUITE_NAMES.join(', ')} (suite).`);
  const m = parseManifest(JSON.parse(strFromU8(new Uint8Array(await load(manifestPath(name))))) as unknown);
  if (m.name !== name) throw new Error(`${manifestPath(name)} describes task "${m.name}", not "${name}": regenerate with \`npm run data\`.`);
  const files: Record<string, ArrayBuffer> = {};
  for (const s of Object.values(m.splits)) files[s.file] = await load(`${name}/${s.file}`);
  return parseDataset(m, files);
}
