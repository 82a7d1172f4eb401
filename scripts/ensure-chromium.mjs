// Makes sure a system Chromium exists for Playwright (which never downloads browsers here).
// Uses CHROMIUM_PATH if set, else /usr/bin/chromium; installs Debian's package when root with apt-get.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = (() => { try { execSync('command -v apt-get', { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
  console.log('Chromium not found at /usr/bin/chromium: installing Debian\'s chromium package (apt-get)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    // fall through to the message below
  }
  if (existsSync(path)) process.exit(0);
}
console.error(`Chromium was not found at ${path}.\n` +
  'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
  'or point CHROMIUM_PATH at a Chromium/Chrome binary, then run npm test again.');
process.exit(1);
