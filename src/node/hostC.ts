/**
 * The C export built and run on this machine (host cc): exports models of a bundle with their stored
 * samples, compiles them with a main that prints every output's float bits, runs it and returns the
 * outputs. Used by the import zoo and the tests to compare the C runtime with the virtual MCU and tfjs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../core/bundle/bundle';
import { exportC } from '../core/bundle/c/export';

/** Flags of the host build: warnings are errors, contraction off (-std=c99), as the export's Makefile. */
export const HOST_CFLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2'];

/** Dumps the raw float bits of every output of every stored sample: "<model> <sample> <hex> <hex> ...". */
export const DUMP_C = `#include <stdio.h>
#include <string.h>
#include "yono_data.h"
int main(void) {
  int32_t mi, i, j;
  for (mi = 0; mi < YONO_N_MODELS; mi++) {
    const yono_model *m = yono_models[mi];
    const yono_samples *s = yono_samples_of[mi];
    for (i = 0; i < s->count; i++) {
      if (yono_run(m, s->x + i * m->input_size, yono_output, yono_arena, YONO_ARENA_FLOATS, yono_scratch, YONO_SCRATCH_FLOATS) != 0) return 1;
      printf("%s %ld", m->name, (long)i);
      for (j = 0; j < m->output_size; j++) { uint32_t b; memcpy(&b, &yono_output[j], 4); printf(" %08lx", (unsigned long)b); }
      printf("\\n");
    }
  }
  return 0;
}
`;

/** Throws a clear error when there is no C compiler (a missing compiler must fail, not skip). */
export function requireCc(): void {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc (e.g. `apt-get install gcc`) to build the C export.');
}

/**
 * Exports `models` of `bundle` (default all) with `samples` stored samples each into `dir`, builds them with
 * HOST_CFLAGS and DUMP_C, runs the program and returns each model's outputs (samples x output size).
 */
export function runExportOnHost(bundle: Bundle, dir: string, samples: number, models?: string[]): Map<string, Float32Array> {
  requireCc();
  mkdirSync(dir, { recursive: true });
  const ex = exportC(bundle, { models, samples });
  for (const f of ex.files) writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(dir, 'dump.c.txt'), DUMP_C);
  const exe = join(dir, 'dump');
  const sources = ex.files.filter((f) => f.path.endsWith('.c') && f.path !== 'main.c').map((f) => join(dir, f.path));
  execFileSync('cc', [...HOST_CFLAGS, `-I${dir}`, '-x', 'c', join(dir, 'dump.c.txt'), '-x', 'none', ...sources, '-o', exe, '-lm'], { stdio: 'pipe' });
  const rows = new Map<string, number[][]>();
  for (const line of execFileSync(exe, { encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n')) {
    const [m, , ...hex] = line.split(' ');
    const list = rows.get(m) ?? [];
    list.push(hex.map((h) => parseInt(h, 16)));
    rows.set(m, list);
  }
  const out = new Map<string, Float32Array>();
  for (const [m, list] of rows) out.set(m, new Float32Array(new Uint32Array(list.flat()).buffer));
  return out;
}
