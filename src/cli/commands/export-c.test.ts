import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decodeModel } from '../../core/compress/decode';
import { readBundle } from '../../core/bundle/read';
import { writeBundle } from '../../core/bundle/write';
import { zooModels, zooResult, zooSamples } from '../../core/bundle/testing/zoo';
import { createRuntime } from '../../core/mcu/runtime/executor';
import { exportCCommand } from './export-c';

const CFLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2'];

/** cc must exist: CI has one, and a missing compiler must fail this test, not skip it. */
function requireCc(): void {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc (e.g. `apt-get install gcc`) to run the C export tests.');
}

/** Dumps the raw float bits of every output of every stored sample: "<model> <sample> <hex> <hex> ...". */
const DUMP_C = `#include <stdio.h>
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

const work = mkdtempSync(join(tmpdir(), 'yono-export-c-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ulpDistance(a: number, b: number): number {
  const f = new Float32Array([a, b]);
  const i = new Int32Array(f.buffer);
  const key = (v: number) => (v < 0 ? 0x80000000 - v : v);
  return Math.abs(key(i[0]) - key(i[1]));
}

describe('yono export-c: the exported C compiles warning-free and predicts what the runtime predicts', () => {
  const models = zooModels();
  const result = zooResult(models);
  const samples = Object.fromEntries(models.map((m, i) => [m.name, zooSamples(decodeModel(result, m.name), 24, 50 + i)]));
  const file = join(work, 'zoo.yono');
  const bytes = writeBundle(result, { samples });
  writeFileSync(file, bytes);
  const bundle = readBundle(bytes);
  const out = join(work, 'c');

  it('writes the files and prints flash and RAM bytes', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await exportCCommand.run([file, '--out', out, '--samples', '20'])).toBe(0);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/flash: \d+ bytes/);
      expect(printed).toMatch(/RAM: +\d+ bytes/);
    } finally {
      log.mockRestore();
    }
    expect(readdirSync(out).sort()).toEqual(['Makefile', 'README.md', 'img_data.c', 'main.c', 'seq_data.c', 'vec_data.c', 'yono_codebooks_data.c',
      'yono_data.c', 'yono_data.h', 'yono_runtime.c', 'yono_runtime.h']);
  });

  it(`compiles with cc ${CFLAGS.join(' ')} and prints the runtime's class for every stored sample of every model`, () => {
    requireCc();
    const sources = readdirSync(out).filter((f) => f.endsWith('.c')).map((f) => join(out, f));
    const exe = join(work, 'example');
    execFileSync('cc', [...CFLAGS, '-o', exe, ...sources, '-lm'], { stdio: 'pipe' });
    const lines = execFileSync(exe, { encoding: 'utf8' }).trim().split('\n').filter((l) => !l.startsWith('#'));
    const byModel = new Map<string, number[]>();
    for (const l of lines) {
      const [m, i, cls] = l.split(' ');
      const list = byModel.get(m) ?? [];
      list[Number(i)] = Number(cls);
      byModel.set(m, list);
    }
    for (const m of models) {
      const rt = createRuntime(bundle, m.name);
      const s = samples[m.name];
      const { classes } = rt.runBatch(s.x, 20);
      expect(byModel.get(m.name), m.name).toEqual(Array.from(classes));
    }
  });

  it('the C outputs equal the runtime outputs to a few float32 ulps (bit-exact but for expf/tanhf)', () => {
    requireCc();
    const dump = join(work, 'dump');
    writeFileSync(join(work, 'dump.c'), DUMP_C);
    const sources = readdirSync(out).filter((f) => f.endsWith('.c') && f !== 'main.c').map((f) => join(out, f));
    execFileSync('cc', [...CFLAGS, `-I${out}`, '-o', dump, join(work, 'dump.c'), ...sources, '-lm'], { stdio: 'pipe' });
    const lines = execFileSync(dump, { encoding: 'utf8' }).trim().split('\n');
    let worst = 0;
    let exact = 0;
    let total = 0;
    for (const l of lines) {
      const [m, i, ...hex] = l.split(' ');
      const rt = createRuntime(bundle, m);
      const row = rt.program.inputSize;
      const y = rt.run(samples[m].x.subarray(Number(i) * row, (Number(i) + 1) * row));
      const c = new Float32Array(new Uint32Array(hex.map((h) => parseInt(h, 16))).buffer);
      for (let j = 0; j < y.length; j++) {
        const d = ulpDistance(y[j], c[j]);
        worst = Math.max(worst, d);
        if (d === 0) exact++;
        total++;
      }
    }
    expect(lines.length).toBe(3 * 20);
    console.log(`C vs runtime: ${exact} of ${total} outputs bit-identical, worst ${worst} ulp`);
    expect(worst).toBeLessThanOrEqual(4);
    expect(exact / total).toBeGreaterThan(0.9);
  });
});
