import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeModel } from '../../core/compress/decode';
import { readBundle } from '../../core/bundle/read';
import { writeBundle } from '../../core/bundle/write';
import { zooModels, zooResult, zooSamples } from '../../core/bundle/testing/zoo';
import { createRuntime } from '../../core/mcu/runtime/executor';
import { exportCCommand } from './export-c';
import { DUMP_C } from './testing';
import { exportC } from '../../core/bundle/c/export';
import { TASK_NAMES } from '../../core/data/types';
import { fromLayersModel } from '../../core/models/fromLayersModel';
import { foldBatchNorm } from '../../core/models/foldBatchNorm';
import { loadTaskNode } from '../../node/data';
import { loadCompressInputs } from '../../node/compressInputs';
import { setupNodeTfjs } from '../../node/tfjs';
import { compress } from '../../core/compress/pipeline';
import { presetPlan } from '../../core/compress/presets';
import { activityConv1d, digitsCnn, fashionDsCnn, keywordsDsCnn } from '../../../scripts/pretrain/architectures';

const CFLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2'];

/** cc must exist: CI has one, and a missing compiler must fail this test, not skip it. */
function requireCc(): void {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc (e.g. `apt-get install gcc`) to run the C export tests.');
}


const work = mkdtempSync(join(tmpdir(), 'yono-export-c-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// tfjs on WASM for every test here (the pipeline evaluates with it; the CPU backend is far slower)
beforeAll(async () => { await setupNodeTfjs(); });

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

  it('the C outputs equal the runtime outputs up to the last bits of expf/tanhf (these models use sigmoid, tanh, softmax)', () => {
    requireCc();
    const { exact, total, worst, lines } = compareBits(out, bundle, samples);
    expect(lines).toBe(3 * 20);
    console.log(`zoo, C vs runtime: ${exact} of ${total} outputs bit-identical, worst ${worst} ulp`);
    expect(worst).toBeLessThanOrEqual(64);
  });
});

/** Compiles DUMP_C with the export in `dir`, runs it and compares every output's bits with the runtime's. */
function compareBits(dir: string, bundle: ReturnType<typeof readBundle>, samples: Record<string, { x: Float32Array }>) {
  const dump = join(dir, 'dump');
  writeFileSync(join(dir, 'dump.c.txt'), DUMP_C);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.c') && f !== 'main.c').map((f) => join(dir, f));
  execFileSync('cc', [...CFLAGS, `-I${dir}`, '-x', 'c', '-o', dump, join(dir, 'dump.c.txt'), ...sources, '-lm'], { stdio: 'pipe' });
  const out = execFileSync(dump, { encoding: 'utf8' }).trim().split('\n');
  let worst = 0, exact = 0, total = 0;
  for (const l of out) {
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
  return { exact, total, worst, lines: out.length };
}

/**
 * Exports `b` (first `n` stored samples) into work/<name>, compiles the example with CFLAGS, runs it and
 * checks it prints the runtime's class for each sample of every built-in model. Returns the export and dir.
 */
function exportCompileAndCheck(b: ReturnType<typeof readBundle>, name: string, smp: Record<string, { x: Float32Array }>, n: number) {
  const dir = join(work, name);
  const ex = exportC(b, { samples: n });
  mkdirSync(dir, { recursive: true });
  for (const f of ex.files) writeFileSync(join(dir, f.path), f.text);
  const exe = join(work, `${name}-example`);
  execFileSync('cc', [...CFLAGS, '-o', exe, ...ex.files.filter((f) => f.path.endsWith('.c')).map((f) => join(dir, f.path)), '-lm'], { stdio: 'pipe' });
  const lines = execFileSync(exe, { encoding: 'utf8' }).trim().split('\n').filter((l) => !l.startsWith('#'));
  for (const task of TASK_NAMES) {
    const rt = createRuntime(b, task);
    const want = Array.from(rt.runBatch(smp[task].x.subarray(0, n * rt.program.inputSize), n).classes);
    const got = lines.filter((l) => l.startsWith(`${task} `)).map((l) => Number(l.split(' ')[2]));
    expect(got, task).toEqual(want);
  }
  return { ex, dir };
}

describe('the C export of the built-in architectures with seeded untrained weights (every layer format, logits bit for bit)', () => {
  it('compiles, prints the runtime\'s class for 10 real test samples of each model, and gives the runtime\'s output bits', async () => {
    requireCc();
    const irs = [];
    const smp: Record<string, { x: Float32Array; y: Uint8Array; n: number }> = {};
    for (const task of TASK_NAMES) {
      const d = await loadTaskNode(task);
      const m = { digits: () => digitsCnn(101), fashion: () => fashionDsCnn(202), keywords: () => keywordsDsCnn(303, d.inputShape, d.classNames.length),
        activity: () => activityConv1d(404, d.inputShape, d.classNames.length) }[task]();
      const ir = foldBatchNorm(fromLayersModel(m, task));
      const last = ir.layers.find((l) => l.name === ir.output);
      if (last && 'activation' in last) last.activation = 'linear'; // logits: no expf, so the C bits must equal the runtime's
      irs.push(ir);
      m.dispose();
      smp[task] = { x: d.test.x, y: d.test.y, n: 10 };
    }
    const res = zooResult(irs, 7, [['pq', 'channel'], ['int8', 'none'], ['pq', 'layer'], ['float32', 'none']]);
    const b = readBundle(writeBundle(res, { samples: smp, maxSamples: 10 }));
    const { ex, dir } = exportCompileAndCheck(b, 'builtin', smp, 10);
    const bits = compareBits(dir, b, smp);
    console.log(`built-in architectures (ReLU, logits), C vs runtime: ${bits.exact} of ${bits.total} outputs bit-identical`);
    expect(bits.exact).toBe(bits.total);
    for (const m of ex.models) console.log(`${m.name}: flash ${m.flash} B (with its codebooks), arena ${m.arenaBytes} B, scratch ${m.scratchBytes} B`);
    console.log(`all: flash ${ex.flashBytes} B (codebooks ${ex.codebookBytes} B once) + samples ${ex.sampleBytes} B; RAM ${ex.ramBytes} B`);
  }, 120_000);
});

describe('the C export of the pretrained built-in models (a pipeline bundle: shared PQ, int8 small layers)', () => {
  it('prints the runtime\'s class for 32 stored test samples of every model', async () => {
    requireCc();
    const inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task })));
    const plan = { ...presetPlan('pq-shared'), activations: 'float32' as const }; // the float export (int8 bundles: next round)
    plan.normalization = 'channel';
    plan.keep.minParams = 256;
    plan.kmeans.maxIter = 8;
    plan.kmeansMaxSamples = 16384;
    const res = await compress(inputs, plan);
    const smp = Object.fromEntries(inputs.map((i) => [i.ir.name, { x: i.test.x, y: i.test.y, n: 32 }]));
    const b = readBundle(writeBundle(res, { samples: smp, maxSamples: 32 }));
    const { ex } = exportCompileAndCheck(b, 'pretrained', smp, 32);
    console.log(`pretrained built-in models: C prints the runtime's class for ${TASK_NAMES.length} x 32 samples; flash ${ex.flashBytes} B, RAM ${ex.ramBytes} B`);
  }, 120_000);
});

describe('the C runtime templates', () => {
  const dir = join(__dirname, '../../core/bundle/c');
  it('yono_runtime.c uses no malloc, no double and no recursion', () => {
    const src = readFileSync(join(dir, 'templates', 'yono_runtime.c'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(src).not.toMatch(/\b(malloc|calloc|realloc|free|double)\b/);
    expect(src).not.toMatch(/\d\.\d*(?![\d.]*f)\b(?!f)/); // every float literal has the f suffix
    const fns = [...src.matchAll(/^(?:static )?\w[\w ]*?\b(\w+)\(([^)]*)\) \{$/gm)].map((m) => m[1]);
    expect(fns.length).toBeGreaterThan(8);
    for (const f of fns) {
      const start = src.search(new RegExp(`\\b${f}\\([^)]*\\) \\{$`, 'm'));
      const body = src.slice(src.indexOf('{', start), src.indexOf('\n}\n', start));
      expect(body, `${f} calls itself`).not.toMatch(new RegExp(`\\b${f}\\(`));
    }
  });
});
