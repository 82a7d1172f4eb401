import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseArgs, strFlag } from '../args';
import { exportTfjs } from '../../core/bundle/tfjs-export';
import { setupNodeTfjs } from '../../node/tfjs';
import { loadBundleFile } from './inspect';

const USAGE = `Usage: yono export-tfjs FILE.yono --out DIR [--model NAME[,NAME...]]

Writes each model of a .yono bundle, with its weights decoded from the codebooks, as TensorFlow.js
LayersModel files: DIR/<model>/model.json + DIR/<model>/weights.bin (load with tf.loadLayersModel).

  --out DIR       output folder (created)
  --model NAMES   models to export (default: all)`;

export const exportTfjsCommand: Command = {
  name: 'export-tfjs',
  summary: 'decoded models of a .yono bundle as tfjs LayersModel files',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { values: ['out', 'model'] });
    if (p.positional.length !== 1) throw new UsageError('give exactly one FILE.yono');
    const out = strFlag(p, 'out');
    if (!out) throw new UsageError('--out DIR is required');
    const bundle = await loadBundleFile(p.positional[0]);
    const all = bundle.manifest.models.map((m) => m.name);
    const model = strFlag(p, 'model');
    const names = model ? model.split(',').map((s) => s.trim()).filter(Boolean) : all;
    for (const n of names) if (!all.includes(n)) throw new UsageError(`the bundle has no model '${n}'; it holds ${all.join(', ')}`);
    await setupNodeTfjs();
    for (const n of names) {
      const dir = join(out, n.replace(/[^A-Za-z0-9_.-]/g, '_'));
      await mkdir(dir, { recursive: true });
      const files = await exportTfjs(bundle, n);
      for (const f of files) await writeFile(join(dir, f.path), f.bytes);
      console.log(`${n}: ${files.map((f) => `${join(dir, f.path)} (${f.bytes.length} bytes)`).join(', ')}`);
    }
    return 0;
  },
};
