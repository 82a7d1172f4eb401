/**
 * The Cortex-M check of a C export: for each model of a bundle, export it (`yono export-c`), build it
 * for each emulated target and for the host with the same main (export_main.c), run it under QEMU with
 * the instruction-counting plugin, and compare its outputs with the host build and the TS runtime
 * (the virtual MCU). Instructions per inference come from the plugin's probe regions, so start-up and
 * printing are excluded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../../core/bundle/bundle';
import { sectionView } from '../../core/bundle/bundle';
import { exportC } from '../../core/bundle/c/export';
import { bundleModelIR } from '../../core/bundle/tfjs-export';
import { createRuntime } from '../../core/mcu/runtime/executor';
import { countMacs } from '../../core/models/stats';
import { parseSampleLines, ulpDistance, type SampleLine } from '../../core/mcu/insns/samples';
import { buildElf, buildPlugin, QEMU_DIR } from './build';
import { runOnQemu } from './run';
import type { QemuTarget } from './targets';

/** One model on one target. */
export interface TargetResult {
  target: QemuTarget['name'];
  machine: string;
  /** False when the program does not fit the target's flash or RAM (then `message` says why, nothing ran). */
  fits: boolean;
  message: string;
  /** arm-none-eabi-size of the whole program (runtime, data, newlib, start-up; bytes). */
  text: number; data: number; bss: number;
  /** Per stored sample: the class QEMU printed, and whether it equals the host build's / the runtime's. */
  classes: number[];
  sameClassesAsHost: boolean;
  sameClassesAsRuntime: boolean;
  /** Output values bit-identical to the host build's / the runtime's, of `outputs`, and the worst distance in ulp. */
  exactVsHost: number; worstUlpVsHost: number;
  exactVsRuntime: number; worstUlpVsRuntime: number;
  outputs: number;
  /** Executed instructions of all inferences together (probe regions), per inference, per MAC. */
  inferenceInsns: number;
  insnsPerInference: number;
  insnsPerMac: number;
  /** Instructions per ELF symbol over the whole run (start-up and printing included), largest first. */
  symbols: [string, number][];
  /** Wall-clock milliseconds of the emulation. */
  ms: number;
}

/** One model: its MACs (as `yono models` counts them) and its results per target. */
export interface ModelCheck {
  model: string;
  samples: number;
  macs: number;
  targets: TargetResult[];
}

function runtimeLines(bundle: Bundle, model: string, n: number): SampleLine[] {
  const entry = bundle.manifest.models.find((m) => m.name === model);
  if (!entry?.samples) throw new Error(`model ${model} has no stored samples in the bundle: write it with samples (yono compress --out)`);
  const rt = createRuntime(bundle, model);
  const x = sectionView(bundle, entry.samples.x, 'f32');
  const y = sectionView(bundle, entry.samples.y, 'i32');
  const row = rt.program.inputSize;
  const out: SampleLine[] = [];
  for (let i = 0; i < n; i++) {
    const o = rt.run(x.subarray(i * row, (i + 1) * row));
    let best = 0;
    for (let j = 1; j < o.length; j++) if (o[j] > o[best]) best = j;
    out.push({ model, sample: i, predicted: best, label: y[i], bits: Array.from(new Uint32Array(Float32Array.from(o).buffer)) });
  }
  return out;
}

function compare(a: SampleLine[], b: SampleLine[]) {
  let exact = 0, worst = 0, outputs = 0;
  const sameClasses = a.length === b.length && a.every((l, i) => l.predicted === b[i].predicted);
  a.forEach((l, i) => l.bits.forEach((bits, j) => {
    const d = ulpDistance(bits, b[i]?.bits[j] ?? NaN);
    outputs++;
    if (d === 0) exact++;
    worst = Math.max(worst, d);
  }));
  return { sameClasses, exact, worst, outputs };
}

/**
 * Checks `models` of `bundle` (each with `samples` stored test samples) on `targets`, working in
 * `workDir`. Throws when a build fails for another reason than size, QEMU fails, or the program exits
 * with a non-zero status.
 */
export function checkExportOnQemu(bundle: Bundle, models: string[], samples: number, targets: QemuTarget[], workDir: string): ModelCheck[] {
  const plugin = buildPlugin();
  const results: ModelCheck[] = [];
  for (const model of models) {
    const dir = join(workDir, model);
    mkdirSync(dir, { recursive: true });
    const ex = exportC(bundle, { models: [model], samples });
    for (const f of ex.files) writeFileSync(join(dir, f.path), f.text);
    const n = ex.models[0].sampleCount;
    const sources = ex.files.filter((f) => f.path.endsWith('.c') && f.path !== 'main.c').map((f) => join(dir, f.path));
    const main = join(QEMU_DIR, 'export_main.c');
    const hostExe = join(dir, 'host-check');
    execFileSync('cc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', `-I${QEMU_DIR}`, `-I${dir}`, '-o', hostExe, main, ...sources, '-lm'], { stdio: 'pipe' });
    const host = parseSampleLines(execFileSync(hostExe, { encoding: 'utf8' }));
    const runtime = runtimeLines(bundle, model, n);
    const macs = countMacs(bundleModelIR(bundle, model)).total;
    const check: ModelCheck = { model, samples: n, macs, targets: [] };
    for (const t of targets) {
      const base = { target: t.name, machine: t.machine, text: 0, data: 0, bss: 0, classes: [], sameClassesAsHost: false, sameClassesAsRuntime: false,
        exactVsHost: 0, worstUlpVsHost: 0, exactVsRuntime: 0, worstUlpVsRuntime: 0, outputs: 0, inferenceInsns: 0, insnsPerInference: 0, insnsPerMac: 0, symbols: [], ms: 0 };
      let build;
      try {
        build = buildElf(t, [main, ...sources], join(dir, 'qemu'), `${model}-${t.name}`, { includes: [dir] });
      } catch (e) {
        const msg = (e as Error).message;
        const overflow = /region `(RAM|FLASH)' overflowed by (\d+) bytes/.exec(msg);
        if (!overflow) throw e;
        check.targets.push({ ...base, fits: false, message: `does not fit ${t.standsFor}: ${overflow[1]} overflowed by ${overflow[2]} bytes` });
        continue;
      }
      const run = runOnQemu(t, build, plugin, { regions: 2 });
      if (run.status !== 0) throw new Error(`${model} on ${t.machine} exited with status ${run.status}${run.status === 1 ? ' (a fault?)' : ''}: ${run.stdout.slice(-500)}`);
      const lines = parseSampleLines(run.stdout);
      if (lines.length !== n) throw new Error(`${model} on ${t.machine} printed ${lines.length} sample lines, expected ${n}`);
      const vsHost = compare(lines, host);
      const vsRt = compare(lines, runtime);
      const inferenceInsns = run.insns.regions[1] ?? 0;
      check.targets.push({
        ...base, fits: true, message: '', text: build.text, data: build.data, bss: build.bss,
        classes: lines.map((l) => l.predicted), sameClassesAsHost: vsHost.sameClasses, sameClassesAsRuntime: vsRt.sameClasses,
        exactVsHost: vsHost.exact, worstUlpVsHost: vsHost.worst, exactVsRuntime: vsRt.exact, worstUlpVsRuntime: vsRt.worst, outputs: vsHost.outputs,
        inferenceInsns, insnsPerInference: inferenceInsns / n, insnsPerMac: inferenceInsns / n / macs,
        symbols: Object.entries(run.insns.symbols).sort((a, b) => b[1] - a[1]), ms: run.ms,
      });
    }
    results.push(check);
  }
  return results;
}
