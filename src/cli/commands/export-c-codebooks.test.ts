import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeModel } from '../../core/compress/result/decode';
import { createRuntime } from '../../core/mcu/runtime/executor';
import type { Bundle } from '../../core/bundle/bundle';
import { readBundle } from '../../core/bundle/read';
import { writeBundle } from '../../core/bundle/write';
import { IRBuilder } from '../../core/bundle/testing/ir-builder';
import { withF32Codebooks } from '../../core/bundle/testing/legacy';
import { zooModels, zooResult, zooSamples } from '../../core/bundle/testing/zoo';
import { exportC } from '../../core/bundle/c/export';
import { C_TEMPLATES } from '../../core/bundle/c/templates.generated';
import { DUMP_C } from './testing';

/**
 * The C export with float16 codebooks (what the writer stores) and with float32 ones (older bundles):
 * compiled with the host cc, both must give the same output bits as each other, and for models without
 * expf/tanhf (ReLU, linear) the same bits as the virtual MCU. With arm-none-eabi-gcc present, the
 * Cortex-M build must convert codebook values with VCVTB (the __fp16 path).
 */

const CFLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2'];
const work = mkdtempSync(join(tmpdir(), 'yono-c-f16cb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


function requireCc(): void {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc (e.g. `apt-get install gcc`) to run the C export tests.');
}

/** Exports `b` into work/<name>, compiles it with DUMP_C and returns each model's output bits per sample. */
function runC(b: Bundle, name: string): Map<string, Uint32Array[]> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const ex = exportC(b, { samples: 8 });
  for (const f of ex.files) if (f.path !== 'main.c') writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(dir, 'dump.c'), DUMP_C);
  const exe = join(dir, 'dump');
  const sources = ex.files.filter((f) => f.path.endsWith('.c') && f.path !== 'main.c').map((f) => join(dir, f.path));
  execFileSync('cc', [...CFLAGS, '-o', exe, join(dir, 'dump.c'), ...sources, '-lm'], { stdio: 'pipe' });
  const out = new Map<string, Uint32Array[]>();
  for (const line of execFileSync(exe, { encoding: 'utf8' }).trim().split('\n')) {
    const [m, i, ...hex] = line.split(' ');
    const rows = out.get(m) ?? [];
    rows[Number(i)] = Uint32Array.from(hex.map((h) => parseInt(h, 16)));
    out.set(m, rows);
  }
  return out;
}

/** A model with ReLU and linear activations only (no expf/tanhf), so the C bits must equal the runtime's. */
function reluModel() {
  const a = new IRBuilder('relu', [8, 8, 2], 21);
  let h = a.conv2d('c1', 'input', 8, { k: [3, 3], padding: 'same', activation: 'relu' });
  h = a.depthwise('dw', h, 1, { k: [3, 3], padding: 'valid', activation: 'relu' });
  h = a.conv2d('pw', h, 12, { k: [1, 1], activation: 'relu6' });
  h = a.conv2d('c2', h, 8, { k: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' });
  h = a.flatten('fl', h);
  h = a.dense('fc', h, 16, 'relu');
  return a.build(a.dense('out', h, 5, 'linear'));
}

describe('C export of float16 and float32 codebooks', () => {
  const models = [...zooModels(), reluModel()];
  const result = zooResult(models, 7, [['pq', 'channel'], ['pq', 'none'], ['int8', 'none'], ['pq', 'layer']]);
  const samples = Object.fromEntries(models.map((m, i) => [m.name, zooSamples(decodeModel(result, m.name), 8, 30 + i)]));
  const bytes = writeBundle(result, { samples });
  const cur = readBundle(bytes);
  const old = readBundle(withF32Codebooks(bytes));

  it('compile warning-free; both give the same output bits, and ReLU/linear models give the virtual MCU\'s bits', () => {
    requireCc();
    expect(cur.manifest.codebooks.every((c) => cur.manifest.sections[c.section].dtype === 'f16')).toBe(true);
    expect(old.manifest.codebooks.every((c) => old.manifest.sections[c.section].dtype === 'f32')).toBe(true);
    const reluLayers = cur.manifest.models.find((m) => m.name === 'relu')?.layers ?? [];
    expect(reluLayers.filter((l) => 'kernel' in l && l.kernel.format === 'pq').length).toBeGreaterThanOrEqual(3);
    const a = runC(cur, 'f16'), b = runC(old, 'f32');
    expect([...a.keys()].sort()).toEqual(['img', 'relu', 'seq', 'vec']);
    for (const [m, rows] of a) {
      expect(rows.length).toBe(8);
      expect(b.get(m), m).toEqual(rows);
    }
    const rt = createRuntime(cur, 'relu');
    const want = rt.runBatch(samples.relu.x, 8).outputs;
    const got = Uint32Array.from((a.get('relu') ?? []).flatMap((r) => Array.from(r)));
    expect(got).toEqual(new Uint32Array(want.buffer));
  });

  it('the Cortex-M build converts float16 values with VCVTB.F32.F16 when -mfp16-format=ieee', () => {
    // arm-none-eabi-gcc is installed by scripts/ensure-arm-tools.mjs before the unit tests: never skipped
    const r = spawnSync('arm-none-eabi-gcc', ['--version'], { encoding: 'utf8' });
    expect(r.error ?? r.status, 'arm-none-eabi-gcc missing: run node scripts/ensure-arm-tools.mjs').toBe(0);
    const dir = join(work, 'arm');
    mkdirSync(join(dir, 'inc'), { recursive: true });
    for (const n of ['yono_runtime.c', 'yono_runtime.h']) writeFileSync(join(dir, n), C_TEMPLATES[n]);
    // arm-none-eabi-gcc without newlib has no math.h: declare what the runtime uses (compile only, no link)
    writeFileSync(join(dir, 'inc', 'math.h'), 'float expf(float);\nfloat tanhf(float);\nfloat logf(float);\nfloat fabsf(float);\nfloat floorf(float);\nfloat ceilf(float);\n#define INFINITY (__builtin_inff())\n');
    const asm = (extra: string[]) => {
      const out = join(dir, `rt${extra.length}.s`);
      execFileSync('arm-none-eabi-gcc', [...CFLAGS, '-ffreestanding', `-I${join(dir, 'inc')}`, '-mthumb', '-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard',
        ...extra, '-S', '-o', out, join(dir, 'yono_runtime.c')], { stdio: 'pipe' });
      return readFileSync(out, 'utf8');
    };
    const hw = asm(['-mfp16-format=ieee']);
    expect(hw).toMatch(/vcvtb\.f32\.f16/);
    expect(hw).not.toMatch(/bl\s+yono_f16_to_f32/);
    const sw = asm([]);
    expect(sw).not.toMatch(/vcvtb/);
    expect(sw).toMatch(/bl\s+yono_f16_to_f32/);
  });
});
