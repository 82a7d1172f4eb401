// `npx tsx scripts/zoo/main.ts [--size small|full] [--dir DIR] [--samples N] [--epochs N] [--no-compress] [--json]`:
// builds, trains, saves, imports, compresses and re-imports the zoo (see run.ts), printing the table.
import { setupNodeTfjs } from '../../src/node/tfjs';
import { zoo } from './architectures';
import { formatZoo, runZoo } from './run';

const argv = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const size = arg('--size', 'full') as 'small' | 'full';
await setupNodeTfjs();
const t0 = Date.now();
const reports = await runZoo(zoo(size), {
  dir: arg('--dir', `test-results/zoo-${size}`), samples: Number(arg('--samples', size === 'full' ? '1000' : '400')),
  epochs: Number(arg('--epochs', size === 'full' ? '5' : '6')), shardBytes: size === 'full' ? 256 * 1024 : 4096,
  compress: !argv.includes('--no-compress'), log: (s) => console.error(s),
});
if (argv.includes('--json')) console.log(JSON.stringify(reports, null, 1));
else console.log(formatZoo(reports));
console.error(`zoo (${size}) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
