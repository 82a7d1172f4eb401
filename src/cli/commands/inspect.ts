import { readFile } from 'node:fs/promises';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseArgs } from '../args';
import type { Bundle } from '../../core/bundle/bundle';
import { describeBundle, formatSummary } from '../../core/bundle/describe';
import { readBundle } from '../../core/bundle/read';

const USAGE = `Usage: yono inspect FILE.yono [--json] [--sections]

Validates a .yono bundle (every offset, size, shape, reference and CRC-32) and prints what it holds:
codebooks, models with their layers, formats and bytes. Exits 1 with a message saying what is wrong
on a damaged or foreign file.

  --json       print the summary as JSON (codebooks, models, layers, sections)
  --sections   also list every binary section (offset, bytes, dtype, CRC-32)`;

/** Reads and validates a bundle file; a missing file gets a message naming it. */
export async function loadBundleFile(path: string): Promise<Bundle> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: no such file; write one with \`yono compress --out ${path}\`` : `${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    return readBundle(bytes);
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
  }
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'validate a .yono bundle and list its models, layers, codebooks and bytes',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { booleans: ['json', 'sections'] });
    if (p.positional.length !== 1) throw new UsageError('give exactly one FILE.yono');
    const summary = describeBundle(await loadBundleFile(p.positional[0]));
    console.log(p.flags.has('json') ? JSON.stringify(summary, null, 1) : formatSummary(summary, { sections: p.flags.has('sections') }));
    return 0;
  },
};
