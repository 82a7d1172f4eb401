import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { intFlag, parseArgs, strFlag } from '../args';
import { exportC } from '../../core/bundle/c/export';
import { loadBundleFile } from './inspect';

const USAGE = `Usage: yono export-c FILE.yono --out DIR [--model NAME[,NAME...]] [--samples N]

Writes a portable C99 runtime (yono_runtime.c/.h: no malloc, no double, no recursion) that decodes the
weights from the PQ codebooks on the fly, the bundle as const arrays (*_data.c/.h) with a static arena
sized at export, an example main.c that runs N stored test samples per model and prints the predicted
class of each, a Makefile (host) and a README (arm-none-eabi-gcc notes). Prints the flash and RAM bytes.

  --out DIR       output folder (created)
  --model NAMES   models to export (default: all)
  --samples N     stored test samples per model in main.c (default 10; at most what the bundle stores)`;

export const exportCCommand: Command = {
  name: 'export-c',
  summary: 'C99 sources (runtime + const arrays + example main) from a .yono bundle',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { values: ['out', 'model', 'samples'] });
    if (p.positional.length !== 1) throw new UsageError('give exactly one FILE.yono');
    const out = strFlag(p, 'out');
    if (!out) throw new UsageError('--out DIR is required');
    const samples = intFlag(p, 'samples', 10);
    if (samples < 0) throw new UsageError('--samples must be >= 0');
    const model = strFlag(p, 'model');
    const bundle = await loadBundleFile(p.positional[0]);
    const ex = exportC(bundle, { models: model ? model.split(',').map((s) => s.trim()).filter(Boolean) : undefined, samples, bundleName: basename(p.positional[0]) });
    await mkdir(out, { recursive: true });
    for (const f of ex.files) await writeFile(join(out, f.path), f.text);
    const w = Math.max(5, ...ex.models.map((m) => m.name.length));
    console.log(`wrote ${ex.files.length} files to ${out}`);
    console.log(`${'model'.padEnd(w)}  flash B (with its codebooks)  arena B  scratch B  samples`);
    for (const m of ex.models) console.log(`${m.name.padEnd(w)}  ${String(m.flash).padStart(28)}  ${String(m.arenaBytes).padStart(7)}  ${String(m.scratchBytes).padStart(9)}  ${String(m.sampleCount).padStart(7)}`);
    console.log(`flash: ${ex.flashBytes} bytes (codebooks ${ex.codebookBytes} bytes, shared, counted once) + ${ex.sampleBytes} bytes of test samples`);
    console.log(ex.arithmetic === 'int8'
      ? `RAM:   ${ex.ramBytes} bytes (int8 arena ${ex.arenaBytes}: activations + per-unit tables; int16 scratch ${ex.scratchBytes}, input ${ex.inputBytes}, output ${ex.outputBytes})`
      : `RAM:   ${ex.ramBytes} bytes (arena ${ex.arenaBytes}, scratch ${ex.scratchBytes}, output ${ex.outputBytes})`);
    console.log(`build: make -C ${out} run`);
    return 0;
  },
};
