import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../command';
import { parseArgs } from '../args';
import { parseModelsManifest, type ModelEntry } from '../../core/models/manifest';
import { findModelsDir } from '../../node/files';

const USAGE = `Usage: yono models [--json]

Lists the pretrained models from public/models/manifest.json: name, task, modality, parameters,
MACs per inference, float32 size and test accuracy. The four built-ins come first; the models marked
'suite' are the generalization suite (compress them with \`yono compress --models digits,...,suite\`):
models of other kinds that the compression recipe is reported on, never tuned on.

  --json   print the manifest entries as JSON`;

function table(models: ModelEntry[]): string {
  const rows = [['name', 'task', 'modality', 'params', 'MACs', 'float32 KB', 'test acc.', 'set'],
    ...models.map((m) => [m.name, m.task, m.modality, m.params.toLocaleString('en-US'), m.macs.toLocaleString('en-US'),
      (m.float32Bytes / 1024).toFixed(1), `${(m.testAccuracy * 100).toFixed(2)} %`, m.suite ? 'suite' : 'built-in'])];
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c >= 3 && c < 7 ? v.padStart(w[c]) : v.padEnd(w[c]))).join('  ').trimEnd()).join('\n');
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'list the built-in tasks, the generalization suite and their pretrained models',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { booleans: ['json'] });
    const dir = findModelsDir();
    const path = join(dir, 'manifest.json');
    if (!existsSync(path)) {
      console.error(`yono models: no built-in models yet (${path} does not exist). Run \`npm run data\` and then \`npm run pretrain\` to train them.`);
      return 1;
    }
    const manifest = parseModelsManifest(JSON.parse(await readFile(path, 'utf8')));
    if (p.flags.has('json')) console.log(JSON.stringify(manifest.models, null, 2));
    else console.log(table(manifest.models));
    return 0;
  },
};
