// `npm run mcu-check -- FILE.yono [--models a,b] [--samples N] [--targets m7,m4] [--json]`: builds the C
// export of each model for QEMU's Cortex-M7 (mps2-an500, STM32F746 sizes) and Cortex-M4 (mps2-an386,
// nRF52840 sizes), runs its stored samples headless, and prints whether the outputs match the host build
// and the TS runtime, and the executed instructions per inference and per MAC (start-up and printing
// excluded). Needs the Arm tools (node scripts/ensure-arm-tools.mjs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundle } from '../../src/core/bundle/read';
import { checkExportOnQemu } from '../../src/node/qemu/check';
import { TARGETS } from '../../src/node/qemu/targets';
import { armToolVersions, requireArmTools } from '../../src/node/qemu/tools';
import { formatCheck } from '../../src/node/qemu/format';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const file = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--') && all[i - 1] !== '--json'));
if (!file) {
  console.error('usage: npm run mcu-check -- FILE.yono [--models a,b] [--samples N] [--targets m7,m4] [--json]');
  process.exit(2);
}
requireArmTools();
const bundle = readBundle(new Uint8Array(readFileSync(file)));
const models = flag('models')?.split(',') ?? bundle.manifest.models.map((m) => m.name);
const samples = Number(flag('samples') ?? 4);
const targets = (flag('targets') ?? 'm7,m4').split(',').map((t) => {
  const found = TARGETS[t as keyof typeof TARGETS];
  if (!found) throw new Error(`unknown target ${t}: use m7 or m4`);
  return found;
});
const work = mkdtempSync(join(tmpdir(), 'yono-mcu-check-'));
try {
  const res = checkExportOnQemu(bundle, models, samples, targets, work);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ tools: armToolVersions(), models: res }, null, 2));
  else console.log(formatCheck(res, armToolVersions()));
} finally {
  rmSync(work, { recursive: true, force: true });
}
