// The pieces of the Cortex-M check on small programs: the plugin's counts are exact and attributed to
// the right symbol and probe region, main's return value is QEMU's exit status, a fault ends the run
// with status 1, a program too large for the part fails to link, and missing tools fail with the fix.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildElf, buildPlugin } from './build';
import { runOnQemu } from './run';
import { M4, M7 } from './targets';
import { INSTALL_COMMAND, requireArmTools } from './tools';

const work = mkdtempSync(join(tmpdir(), 'yono-qemu-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function program(name: string, text: string): string {
  const p = join(work, `${name}.c`);
  writeFileSync(p, text);
  return p;
}

describe('QEMU runs with the yono_insns plugin', () => {
  it('counts a loop exactly: per symbol, per probe region, linear in the trip count; main returns the exit status', () => {
    requireArmTools();
    const src = program('loop', `#include <stdio.h>
#include "yono_probe.h"
__attribute__((noinline)) int work(int n) { int s = 0, i; for (i = 0; i < n; i++) s += i * i; return s; }
int main(void) {
  int a, b, c;
  yono_probe(1); a = work(100); yono_probe(2); b = work(200); yono_probe(3); c = work(300); yono_probe(0);
  printf("%d %d %d\\n", a, b, c);
  return 42;
}
`);
    const plugin = buildPlugin();
    for (const t of [M7, M4]) {
      const r = runOnQemu(t, buildElf(t, [src], join(work, 'out'), `loop-${t.name}`), plugin, { regions: 4 });
      expect(r.status).toBe(42);
      expect(r.stdout.trim()).toBe('328350 2646700 8955050');
      const [r1, r2, r3] = [1, 2, 3].map((k) => r.insns.regions[k]);
      // each region holds one call of work(100 k) plus the same call and probe overhead
      expect(r3 - r2).toBe(r2 - r1);
      expect(r2 - r1).toBeGreaterThanOrEqual(200); // at least 2 instructions per iteration
      const perCall = (k: number) => r1 + (k - 1) * (r2 - r1);
      expect(perCall(3)).toBe(r3);
      const work600 = r.insns.symbols.work;
      expect(work600).toBeGreaterThan(3 * (r2 - r1) - 1);
      expect(work600).toBeLessThan(r1 + r2 + r3);
      expect(r.insns.total).toBe(Object.values(r.insns.symbols).reduce((s, n) => s + n, 0));
      expect(r.insns.total).toBe(Object.values(r.insns.regions).reduce((s, n) => s + n, 0));
    }
  });

  it('ends a faulting program with exit status 1 instead of hanging', () => {
    requireArmTools();
    const src = program('fault', 'int main(void) { __builtin_trap(); return 0; }\n');
    const r = runOnQemu(M7, buildElf(M7, [src], join(work, 'out'), 'fault'), buildPlugin(), { timeoutMs: 60_000 });
    expect(r.status).toBe(1);
  });

  it('fails the link of a program larger than the part (the M4 profile has 256 KB of RAM)', () => {
    requireArmTools();
    const src = program('big', 'static volatile unsigned char big[260 * 1024];\nint main(void) { big[7] = 1; return big[7] - 1; }\n');
    expect(() => buildElf(M4, [src], join(work, 'out'), 'big')).toThrow(/region `RAM' overflowed/);
    expect(buildElf(M7, [src], join(work, 'out'), 'big-m7').bss).toBeGreaterThanOrEqual(260 * 1024);
  });
});

describe('missing tools', () => {
  it('fail with the command that installs them (never a skip)', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requireArmTools()).toThrow(INSTALL_COMMAND);
    } finally {
      process.env.PATH = path;
    }
  });
});
