/**
 * Builds for the Cortex-M check: the instruction-counting QEMU plugin (host gcc) and a bare-metal ELF
 * (arm-none-eabi-gcc, newlib with semihosting) from C sources plus this folder's start-up and probe.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkerScript, type QemuTarget } from './targets';

/** This folder (startup.c, yono_probe.h, yono_insns.c). */
export const QEMU_DIR = fileURLToPath(new URL('.', import.meta.url));

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    const detail = (err.stderr ?? '').trim() || err.message;
    throw new Error(`${cmd} failed: ${detail.length > 4000 ? `${detail.slice(0, 4000)}\n...` : detail}`, { cause: e });
  }
}

/**
 * Compiles yono_insns.c with the host compiler into a cache folder (once per source version) and returns
 * the path of the shared object.
 */
export function buildPlugin(cacheDir = join(tmpdir(), 'yono-qemu-plugin')): string {
  const src = join(QEMU_DIR, 'yono_insns.c');
  const hash = createHash('sha256').update(readFileSync(src)).digest('hex').slice(0, 12);
  const so = join(cacheDir, `yono_insns-${hash}.so`);
  if (!existsSync(so)) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${so}.${process.pid}.tmp`;
    run('cc', ['-shared', '-fPIC', '-O2', '-Wall', '-Wextra', '-Werror', '-o', tmp, src]);
    execFileSync('mv', [tmp, so]);
  }
  return so;
}

/** Flags of every cross build: C99 as the runtime README asks (float contraction off), sections for gc. */
export const ARM_CFLAGS = ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-ffunction-sections', '-fdata-sections'];

export interface ElfBuild {
  elf: string;
  /** arm-none-eabi-size: code + constants, initialised data, zeroed data (bytes). */
  text: number; data: number; bss: number;
  /** Address of the probe array (yono_probe_regions) the plugin watches; -1 when the program never calls yono_probe (the linker dropped it). */
  probe: number;
}

/**
 * Cross-compiles `sources` (with `includes` on the include path and `defines` as -D) for `target` into
 * `outDir/<name>.elf`, linked with the start-up, the probe, newlib and semihosting. The link fails when
 * the program does not fit the target's flash or RAM.
 */
export function buildElf(target: QemuTarget, sources: string[], outDir: string, name: string,
  opts: { includes?: string[]; defines?: string[]; cflags?: string[] } = {}): ElfBuild {
  mkdirSync(outDir, { recursive: true });
  const ld = join(outDir, `${target.name}.ld`);
  writeFileSync(ld, linkerScript(target));
  const elf = join(outDir, `${name}.elf`);
  run('arm-none-eabi-gcc', [
    ...target.cflags, ...ARM_CFLAGS, ...(opts.cflags ?? []), '-DYONO_QEMU',
    ...(opts.defines ?? []).map((d) => `-D${d}`),
    `-I${QEMU_DIR}`, ...(opts.includes ?? []).map((i) => `-I${i}`),
    '-nostartfiles', '--specs=rdimon.specs', `-T${ld}`, '-Wl,--gc-sections',
    '-o', elf, join(QEMU_DIR, 'startup.c'), ...sources, '-lc', '-lrdimon', '-lm',
  ]);
  const size = run('arm-none-eabi-size', ['-A', '-d', elf]);
  const sec = (re: RegExp) => size.split('\n').filter((l) => re.test(l)).reduce((s, l) => s + Number(l.trim().split(/\s+/)[1]), 0);
  const nm = run('arm-none-eabi-nm', [elf]);
  const probeLine = nm.split('\n').find((l) => l.endsWith(' yono_probe_regions'));
  return {
    elf,
    text: sec(/^\.(vectors|text|ARM\.exidx|init_array|fini_array|preinit_array) /),
    data: sec(/^\.data /),
    bss: sec(/^\.bss /),
    probe: probeLine ? parseInt(probeLine.split(' ')[0], 16) : -1,
  };
}
