import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromF16Bits } from '../../core/util/f16';
import { C_TEMPLATES } from '../../core/bundle/c/templates.generated';

const work = mkdtempSync(join(tmpdir(), 'yono-f16-c-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints the float32 bits yono_f16_to_f32 gives for every float16 bit pattern, one hex word a line. */
const MAIN = `#include <stdio.h>
#include <string.h>
#include "yono_runtime.h"
int main(void) {
  uint32_t h;
  for (h = 0; h < 65536u; h++) { float f = yono_f16_to_f32((uint16_t)h); uint32_t b; memcpy(&b, &f, 4); printf("%08lx\\n", (unsigned long)b); }
  return 0;
}
`;

describe('yono_f16_to_f32 (C runtime)', () => {
  it('decodes every float16 bit pattern to the float32 the TypeScript side decodes', () => {
    const cc = spawnSync('cc', ['--version'], { encoding: 'utf8' });
    if (cc.error || cc.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc to run the C export tests.');
    for (const n of ['yono_runtime.c', 'yono_runtime.h']) writeFileSync(join(work, n), C_TEMPLATES[n]);
    writeFileSync(join(work, 'main.c'), MAIN);
    execFileSync('cc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2', '-o', join(work, 'f16'), join(work, 'main.c'), join(work, 'yono_runtime.c'), '-lm']);
    const lines = execFileSync(join(work, 'f16'), { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n');
    expect(lines.length).toBe(65536);
    const f = new Float32Array(1);
    const u = new Uint32Array(f.buffer);
    let bad = 0;
    for (let h = 0; h < 65536; h++) {
      const v = fromF16Bits(h);
      f[0] = v;
      const want = Number.isNaN(v) ? null : u[0];
      const got = parseInt(lines[h], 16);
      if (want === null) {
        if ((got & 0x7f800000) !== 0x7f800000 || (got & 0x7fffff) === 0) bad++; // a NaN
      } else if (got !== want) bad++;
    }
    expect(bad).toBe(0);
  });
});
