/**
 * The Cortex-M check of the int8 C export (docs/int8-runtime.md §7): for each int8 model of a bundle, the
 * real `yono export-c` output built with export_main_s8.c for the host (portable C) and for each emulated
 * target (the __SMLAD path), run on the stored samples; the int8 outputs compared with the host build and the
 * virtual MCU's int8 runtime, and the instructions of every op counted (probe region 1 + op index).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../../core/bundle/bundle';
import { sectionView } from '../../core/bundle/bundle';
import { exportC } from '../../core/bundle/c/export';
import { lowerBundleModel } from '../../core/bundle/lowered';
import { createInt8Runtime } from '../../core/mcu/runtime/int8/runtime';
import { int8ModelCounts } from '../../core/mcu/runtime/int8/counts';
import type { LayerCounts } from '../../core/mcu/counts';
import { quantizeValue } from '../../core/quant/affine';
import { parseSampleLines, type SampleLine } from '../../core/mcu/insns/samples';
import { buildElf, buildPlugin, QEMU_DIR } from './build';
import { runOnQemu } from './run';
import type { QemuTarget } from './targets';

/** The flags that count each op in its own probe region (the runtime's YONO_LAYER_HOOK). */
export const LAYER_HOOK_FLAGS = ['-include', 'yono_probe.h', '-DYONO_LAYER_HOOK(i)=yono_probe((uint32_t)(1 + (i)))'];

/** One op's instructions per inference on a target, with the virtual MCU's counts of it. */
export interface OpInsns { op: string; counts: LayerCounts; insns: number }

/** One int8 model on one target. */
export interface S8TargetResult {
  target: QemuTarget['name'];
  machine: string;
  fits: boolean;
  message: string;
  text: number; data: number; bss: number;
  /** Int8 outputs equal to the host build's / the TS int8 runtime's, of `outputs`. */
  exactVsHost: number;
  exactVsRuntime: number;
  outputs: number;
  sameClassesAsRuntime: boolean;
  insnsPerInference: number;
  insnsPerMac: number;
  ops: OpInsns[];
  ms: number;
}

/** One int8 model: MACs, the export's RAM figures and per target results. */
export interface S8ModelCheck {
  model: string;
  samples: number;
  macs: number;
  /** What `yono export-c` reports: the int8 arena (activations + unit tables) and scratch, bytes. */
  arenaBytes: number;
  activationBytes: number;
  scratchBytes: number;
  /** Host build (portable C) equal to the TS int8 runtime on every output. */
  hostExact: boolean;
  targets: S8TargetResult[];
}

function runtimeLines(bundle: Bundle, model: string, n: number): SampleLine[] {
  const entry = bundle.manifest.models.find((m) => m.name === model);
  if (!entry?.samples) throw new Error(`model ${model} has no stored samples in the bundle: write it with samples (yono compress --out)`);
  const rt = createInt8Runtime(bundle, model);
  const x = sectionView(bundle, entry.samples.x, 'f32');
  const y = sectionView(bundle, entry.samples.y, 'i32');
  const out: SampleLine[] = [];
  for (let i = 0; i < n; i++) {
    const s8 = lastS8(rt, x.subarray(i * rt.inputSize, (i + 1) * rt.inputSize));
    let best = 0;
    for (let j = 1; j < s8.length; j++) if (s8[j] > s8[best]) best = j;
    out.push({ model, sample: i, predicted: best, label: y[i], bits: Array.from(s8, (v) => v >>> 0) });
  }
  return out;
}

/** The int8 output of a float sample, quantised with the input's parameters as the C main does (yono_quantize_f32). */
function lastS8(rt: ReturnType<typeof createInt8Runtime>, x: Float32Array): Int8Array {
  return rt.runS8(Int8Array.from(x, (v) => quantizeValue(v, rt.inputQ)));
}

function exact(a: SampleLine[], b: SampleLine[]): { exact: number; outputs: number; sameClasses: boolean } {
  let e = 0, n = 0;
  a.forEach((l, i) => l.bits.forEach((v, j) => { n++; if (b[i]?.bits[j] === v) e++; }));
  return { exact: e, outputs: n, sameClasses: a.length === b.length && a.every((l, i) => l.predicted === b[i].predicted) };
}

/**
 * Exports, builds and runs `models` (int8 models of `bundle`, `samples` stored samples each) on the host and
 * on `targets`, in `workDir`. Throws when a build fails for another reason than size, or a run fails.
 */
export function checkInt8ExportOnQemu(bundle: Bundle, models: string[], samples: number, targets: QemuTarget[], workDir: string): S8ModelCheck[] {
  const plugin = targets.length ? buildPlugin() : '';
  return models.map((model) => {
    const dir = join(workDir, model);
    mkdirSync(dir, { recursive: true });
    const ex = exportC(bundle, { models: [model], samples });
    if (ex.arithmetic !== 'int8') throw new Error(`model ${model} is not an int8 model: write the bundle with int8 activations`);
    for (const f of ex.files) writeFileSync(join(dir, f.path), f.text);
    const n = ex.models[0].sampleCount;
    const sources = ex.files.filter((f) => f.path.endsWith('.c') && f.path !== 'main.c').map((f) => join(dir, f.path));
    const main = join(QEMU_DIR, 'export_main_s8.c');
    const hostExe = join(dir, 'host-check');
    execFileSync('cc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', ...LAYER_HOOK_FLAGS, `-I${QEMU_DIR}`, `-I${dir}`, '-o', hostExe, main, ...sources, '-lm'], { stdio: 'pipe' });
    const host = parseSampleLines(execFileSync(hostExe, { encoding: 'utf8' }));
    const runtime = runtimeLines(bundle, model, n);
    const rt = createInt8Runtime(bundle, model);
    const counts = int8ModelCounts(bundle, rt);
    const low = lowerBundleModel(bundle, model);
    const macs = counts.layers.reduce((s, l) => s + l.macs, 0);
    const activationBytes = rt.plan.arenaBytes;
    const check: S8ModelCheck = { model, samples: n, macs, arenaBytes: ex.models[0].arenaBytes, activationBytes, scratchBytes: ex.models[0].scratchBytes,
      hostExact: exact(host, runtime).exact === exact(host, runtime).outputs && host.length === n, targets: [] };
    for (const t of targets) {
      const base = { target: t.name, machine: t.machine, text: 0, data: 0, bss: 0, exactVsHost: 0, exactVsRuntime: 0, outputs: 0, sameClassesAsRuntime: false,
        insnsPerInference: 0, insnsPerMac: 0, ops: [], ms: 0 };
      let build;
      try {
        build = buildElf(t, [main, ...sources], join(dir, 'qemu'), `${model}-${t.name}`, { includes: [dir], cflags: LAYER_HOOK_FLAGS });
      } catch (e) {
        const overflow = /region `(RAM|FLASH)' overflowed by (\d+) bytes/.exec((e as Error).message);
        if (!overflow) throw e;
        check.targets.push({ ...base, fits: false, message: `does not fit ${t.standsFor}: ${overflow[1]} overflowed by ${overflow[2]} bytes` });
        continue;
      }
      const nOps = low.ops.filter((o) => o.op !== 'alias').length;
      const run = runOnQemu(t, build, plugin, { regions: Math.min(256, nOps + 2) });
      if (run.status !== 0) throw new Error(`${model} on ${t.machine} exited with status ${run.status}: ${run.stdout.slice(-500)}`);
      const lines = parseSampleLines(run.stdout);
      if (lines.length !== n) throw new Error(`${model} on ${t.machine} printed ${lines.length} sample lines, expected ${n}`);
      const vsHost = exact(lines, host);
      const vsRt = exact(lines, runtime);
      // the C's op table skips aliases: op k of the table is the k-th non-alias op; its counts are the lowered op's
      const real = counts.layers.filter((_, i) => low.ops[i].op !== 'alias');
      const ops = real.map((c, k) => ({ op: c.layer, counts: c, insns: (run.insns.regions[1 + k] ?? 0) / Math.max(1, n) }));
      const total = ops.reduce((s, o) => s + o.insns, 0) + (run.insns.regions[1 + nOps] ?? 0) / Math.max(1, n);
      check.targets.push({
        ...base, fits: true, message: '', text: build.text, data: build.data, bss: build.bss,
        exactVsHost: vsHost.exact, exactVsRuntime: vsRt.exact, outputs: vsHost.outputs, sameClassesAsRuntime: vsRt.sameClasses,
        insnsPerInference: total, insnsPerMac: total / Math.max(1, macs), ops, ms: run.ms,
      });
    }
    return check;
  });
}
