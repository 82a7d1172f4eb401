/**
 * The external tools of the Cortex-M check: arm-none-eabi-gcc (with newlib), qemu-system-arm and a host
 * C compiler for the plugin. `requireArmTools` fails with the command that installs them; the check
 * never skips (CI must fail when they are absent).
 */
import { spawnSync } from 'node:child_process';

/** The Debian packages that provide the tools (Debian 12). */
export const ARM_PACKAGES = ['gcc-arm-none-eabi', 'libnewlib-arm-none-eabi', 'binutils-arm-none-eabi', 'qemu-system-arm'];

/** The command that installs them. */
export const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${ARM_PACKAGES.join(' ')}`;

interface Tool { cmd: string; args: string[]; what: string }

const TOOLS: Tool[] = [
  { cmd: 'arm-none-eabi-gcc', args: ['--version'], what: 'the Arm cross-compiler (gcc-arm-none-eabi)' },
  { cmd: 'arm-none-eabi-nm', args: ['--version'], what: 'Arm binutils (binutils-arm-none-eabi)' },
  { cmd: 'arm-none-eabi-size', args: ['--version'], what: 'Arm binutils (binutils-arm-none-eabi)' },
  { cmd: 'qemu-system-arm', args: ['--version'], what: 'QEMU for Arm (qemu-system-arm)' },
  { cmd: 'cc', args: ['--version'], what: 'a host C compiler for the counting plugin (gcc)' },
];

/** The tools that are missing (empty when all run). */
export function missingArmTools(): string[] {
  const missing: string[] = [];
  for (const t of TOOLS) {
    const r = spawnSync(t.cmd, t.args, { encoding: 'utf8' });
    if (r.error || r.status !== 0) missing.push(`${t.cmd} (${t.what})`);
  }
  // newlib's semihosting library comes in its own package; the compiler runs without it
  if (missing.length === 0) {
    const r = spawnSync('arm-none-eabi-gcc', ['-print-file-name=librdimon.a'], { encoding: 'utf8' });
    if (r.status !== 0 || !r.stdout.trim().includes('/')) missing.push('librdimon.a (libnewlib-arm-none-eabi)');
  }
  return missing;
}

/** Throws an Error naming the missing tools and the command that installs them. */
export function requireArmTools(): void {
  const missing = missingArmTools();
  if (missing.length) {
    throw new Error(`The Cortex-M check needs ${missing.join(', ')}.\nInstall them with:\n  ${INSTALL_COMMAND}\n` +
      '(`node scripts/ensure-arm-tools.mjs` does it when run as root on Debian.)');
  }
}

/** The tool versions, one line each (for reports). */
export function armToolVersions(): Record<string, string> {
  const first = (cmd: string) => (spawnSync(cmd, ['--version'], { encoding: 'utf8' }).stdout ?? '').split('\n')[0].trim();
  return { gcc: first('arm-none-eabi-gcc'), qemu: first('qemu-system-arm') };
}
