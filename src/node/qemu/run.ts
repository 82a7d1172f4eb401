/**
 * Runs a bare-metal ELF headless on QEMU with semihosting and the yono_insns plugin: stdout is what the
 * program printed, the exit status is main's return value (1 after a fault), the counts come from the
 * plugin's report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInsnReport, type InsnReport } from '../../core/mcu/insns/report';
import type { ElfBuild } from './build';
import type { QemuTarget } from './targets';

export interface QemuRun {
  status: number;
  stdout: string;
  insns: InsnReport;
  /** Wall-clock milliseconds of the emulation. */
  ms: number;
}

/**
 * Runs `build.elf` on `target`'s machine. `regions` > 0 turns on per-region counting (yono_probe).
 * Throws when QEMU cannot start, times out, or the plugin reports nothing; a non-zero exit status is
 * returned, not thrown (the caller says what it means).
 */
export function runOnQemu(target: QemuTarget, build: ElfBuild, plugin: string,
  opts: { regions?: number; timeoutMs?: number } = {}): QemuRun {
  if (opts.regions && build.probe < 0) throw new Error(`${build.elf} never calls yono_probe: it has no probe regions to count`);
  const dir = mkdtempSync(join(tmpdir(), 'yono-qemu-'));
  const log = join(dir, 'insns.txt');
  const pluginArgs = [plugin, ...(opts.regions ? [`probe=0x${build.probe.toString(16)}`, `regions=${opts.regions}`] : [])];
  const t0 = Date.now();
  try {
    const r = spawnSync('qemu-system-arm', [
      '-M', target.machine, '-nographic', '-monitor', 'none', '-serial', 'null',
      '-semihosting-config', 'enable=on,target=native',
      '-plugin', pluginArgs.join(','), '-d', 'plugin', '-D', log,
      '-kernel', build.elf,
    ], { encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw new Error(`qemu-system-arm ${target.machine} ${build.elf}: ${r.error.message}`);
    if (r.signal) throw new Error(`qemu-system-arm ${target.machine} ${build.elf} was stopped by ${r.signal} (timeout?)`);
    let report: string;
    try { report = readFileSync(log, 'utf8'); } catch { throw new Error(`qemu-system-arm wrote no plugin log: ${r.stderr.trim()}`); }
    return { status: r.status ?? -1, stdout: r.stdout, insns: parseInsnReport(report), ms: Date.now() - t0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
