#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist-cli/yono.mjs', import.meta.url));
if (!existsSync(entry)) {
  console.error('yono: the CLI is not built. Run `npm install` (or `npm run build:cli`) in the project first.');
  process.exit(1);
}
await import(entry);
