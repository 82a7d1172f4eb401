// Makes sure the tools the unit tests run exist: those of the Cortex-M check (arm-none-eabi-gcc with newlib,
// qemu-system-arm, a host cc) and espeak-ng (the keywords generator's rendering test): installs Debian's
// packages when run as root with apt-get, otherwise stops with the command to run. The tests never skip,
// so `npm test` fails without them (as CI must).
import { execSync, spawnSync } from 'node:child_process';

const PACKAGES = ['gcc-arm-none-eabi', 'libnewlib-arm-none-eabi', 'binutils-arm-none-eabi', 'qemu-system-arm', 'espeak-ng'];

function missing() {
  const out = [];
  for (const cmd of ['arm-none-eabi-gcc', 'arm-none-eabi-nm', 'arm-none-eabi-size', 'qemu-system-arm', 'cc', 'espeak-ng']) {
    const r = spawnSync(cmd, ['--version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) out.push(cmd);
  }
  if (!out.includes('arm-none-eabi-gcc')) {
    const r = spawnSync('arm-none-eabi-gcc', ['-print-file-name=librdimon.a'], { encoding: 'utf8' });
    if (r.status !== 0 || !(r.stdout ?? '').trim().includes('/')) out.push('librdimon.a (newlib)');
  }
  return out;
}

let absent = missing();
if (absent.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log(`test tools: ${absent.join(', ')} missing: installing ${PACKAGES.join(' ')} (apt-get)...`);
  const extra = absent.includes('cc') ? ' gcc libc6-dev' : '';
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGES.join(' ')}${extra}`, { stdio: 'inherit' });
  } catch {
    // fall through to the message below
  }
  absent = missing();
  if (absent.length === 0) process.exit(0);
}
console.error(`The unit tests (Cortex-M check on QEMU, keywords rendering) need ${absent.join(', ')}.\n` +
  `Install them with:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}\n` +
  'then run npm test again.');
process.exit(1);
