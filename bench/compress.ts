// The compression benchmark: the default YONO run on the built-in models, on worker threads and on one
// thread, timed per stage (wall clock of each stage), with the CPU time of the process and the speed-up of the
// threads. `npm run bench -- --only compress [--threads N] [--models LIST]`.
import { compress } from '../src/core/compress/pipeline';
import { presetPlan } from '../src/core/compress/plan/presets';
import { toReport } from '../src/core/compress/result/report';
import type { CompressionReport, Phase } from '../src/core/compress/types';
import { loadCompressInputs, parseModelSpecs } from '../src/node/compressInputs';
import { defaultThreads, nodeRunner } from '../src/node/runner';
import { setupNodeTfjs } from '../src/node/tfjs';

/** One timed run. */
export interface CompressRun {
  threads: number;
  /** Wall clock of each stage and in total (loading excluded), ms. */
  timingsMs: Record<Phase, number>;
  /** CPU time of the process during the run (all threads), ms. */
  cpuMs: number;
  ratio: number;
  compressedBytes: number;
  /** Per model: float and compressed test accuracy in [0, 1]. */
  accuracy: { name: string; float: number; compressed: number }[];
}

export interface CompressBench {
  models: string[];
  preset: string;
  /** Loading models and data, ms. */
  loadMs: number;
  /** Load average of the machine (1 min) at the start: other work slows the wall clock. */
  loadAverage: number;
  runs: CompressRun[];
  /** Wall time of one thread over that of the threads. */
  speedUp: number;
  /** The two runs give the same report (times aside). */
  identical: boolean;
}

async function run(inputs: Awaited<ReturnType<typeof loadCompressInputs>>, threads: number, log: (s: string) => void): Promise<{ run: CompressRun; report: CompressionReport }> {
  log(`compress bench: the YONO preset on ${threads} thread${threads > 1 ? 's' : ''}`);
  let last = '';
  const cpu0 = process.cpuUsage();
  const report = toReport(await compress(inputs, presetPlan('yono'), {
    runner: nodeRunner(threads),
    onProgress: (p) => { if (p.phase !== last) { last = p.phase; log(`  ${p.phase} ...`); } },
  }));
  const cpu = process.cpuUsage(cpu0);
  return {
    report,
    run: {
      threads, timingsMs: report.timingsMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), ratio: report.totals.ratio,
      compressedBytes: report.totals.compressedBytes,
      accuracy: report.models.map((m) => ({ name: m.name, float: m.accuracyFloat, compressed: m.accuracyCompressed })),
    },
  };
}

/** Runs the YONO preset on `models` (default: the four built-in tasks) on `threads` threads and on one. */
export async function benchCompress(opts: { models?: string; threads?: number; log?: (s: string) => void } = {}): Promise<CompressBench> {
  const log = opts.log ?? (() => {});
  await setupNodeTfjs();
  const spec = opts.models ?? 'digits,fashion,keywords,activity';
  const { loadavg } = await import('node:os');
  const loadAverage = loadavg()[0];
  const t0 = Date.now();
  const inputs = await loadCompressInputs(parseModelSpecs(spec));
  const loadMs = Date.now() - t0;
  log(`compress bench: ${inputs.length} models loaded in ${loadMs} ms (load average ${loadAverage.toFixed(2)})`);
  const threads = opts.threads ?? defaultThreads();
  const many = await run(inputs, threads, log);
  const one = threads > 1 ? await run(inputs, 1, log) : many;
  const strip = (r: CompressionReport) => JSON.stringify({ ...r, timingsMs: null, threads: null });
  return {
    models: many.report.models.map((m) => m.name), preset: many.report.preset, loadMs, loadAverage,
    runs: threads > 1 ? [many.run, one.run] : [many.run],
    speedUp: one.run.timingsMs.total / many.run.timingsMs.total,
    identical: strip(many.report) === strip(one.report),
  };
}

const PHASES: Phase[] = ['calibrate', 'codebooks', 'table', 'select', 'total'];

/** The bench as text: each run's stages, CPU time, ratio and accuracies; the speed-up. */
export function formatCompressBench(b: CompressBench): string {
  const head = ['stage', ...b.runs.map((r) => `${r.threads} thread${r.threads > 1 ? 's' : ''} ms`)];
  const rows = [head, ...PHASES.map((p) => [p, ...b.runs.map((r) => String(r.timingsMs[p]))]), ['cpu (process)', ...b.runs.map((r) => String(r.cpuMs))]];
  const w = head.map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const r0 = b.runs[0];
  return [
    `compress (${b.preset} on ${b.models.join(', ')}; loading ${b.loadMs} ms; load average ${b.loadAverage.toFixed(2)} at the start: other work on the machine slows the wall clock)`,
    ...rows.map((x) => `  ${x.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')}`),
    `  speed-up of ${r0.threads} threads over one: ${b.speedUp.toFixed(2)}x; same report: ${b.identical ? 'yes' : 'NO'}`,
    `  start to report ${((b.loadMs + r0.timingsMs.total) / 1000).toFixed(1)} s (loading + run, ${r0.threads} threads); ${r0.timingsMs.total + b.loadMs <= 60_000 ? 'within' : 'OVER'} 60 s`,
    `  ratio ${r0.ratio.toFixed(2)}x (${r0.compressedBytes} bytes)`,
    ...r0.accuracy.map((a) => `  ${a.name.padEnd(10)} float ${(a.float * 100).toFixed(2)} %  compressed ${(a.compressed * 100).toFixed(2)} %`),
  ].join('\n');
}
