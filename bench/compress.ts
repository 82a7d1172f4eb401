// The compression benchmark: the default YONO run (recovery included) on the built-in models, timed per
// phase (extract, k-means, assign, evaluate, sensitivity, recovery). Wire into bench/run.ts as
//   { name: 'compress', run: async () => { const r = await benchCompress({ log }); return { report: r, text: formatCompressBench(r) }; } },
import { compress } from '../src/core/compress/pipeline';
import { presetPlan } from '../src/core/compress/plan/presets';
import { toReport } from '../src/core/compress/result/report';
import type { CompressionReport, Phase } from '../src/core/compress/types';
import { loadCompressInputs, parseModelSpecs } from '../src/node/compressInputs';
import { setupNodeTfjs } from '../src/node/tfjs';

export interface CompressBench {
  models: string[];
  preset: string;
  /** Loading models and data (not part of the pipeline's phases). */
  loadMs: number;
  timingsMs: Record<Phase, number>;
  ratio: number;
  compressedBytes: number;
  float32Bytes: number;
  /** Per model: float and compressed test accuracy in [0, 1]. */
  accuracy: { name: string; float: number; compressed: number }[];
  /** CPU time of this process during the run (user + system), ms: a load-independent figure on a shared machine. */
  cpuMs: number;
  /** The default run must finish in under 3 minutes (wall clock) on the 2-core machine. */
  under3Minutes: boolean;
}

/** Runs the YONO preset once on `models` (default: the four built-in tasks) and returns its figures. */
export async function benchCompress(opts: { models?: string; log?: (s: string) => void } = {}): Promise<CompressBench> {
  const log = opts.log ?? (() => {});
  await setupNodeTfjs();
  const spec = opts.models ?? 'digits,fashion,keywords,activity';
  const t0 = Date.now();
  const inputs = await loadCompressInputs(parseModelSpecs(spec));
  const loadMs = Date.now() - t0;
  log(`compress bench: ${inputs.length} models loaded in ${loadMs} ms, running the YONO preset`);
  let last = '';
  const cpu0 = process.cpuUsage();
  const r: CompressionReport = toReport(await compress(inputs, presetPlan('yono'), {
    onProgress: (p) => { if (p.phase !== last) { last = p.phase; log(`  ${p.phase} ...`); } },
  }));
  return {
    models: r.models.map((m) => m.name), preset: r.preset, loadMs, timingsMs: r.timingsMs,
    ratio: r.totals.ratio, compressedBytes: r.totals.compressedBytes, float32Bytes: r.totals.float32Bytes,
    accuracy: r.models.map((m) => ({ name: m.name, float: m.accuracyFloat, compressed: m.accuracyCompressed })),
    cpuMs: Math.round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000),
    under3Minutes: r.timingsMs.total < 180_000,
  };
}

/** The bench as text: time per phase, ratio, accuracies. */
export function formatCompressBench(b: CompressBench): string {
  const phases = (['extract', 'kmeans', 'assign', 'evaluate', 'sensitivity', 'recovery', 'total'] as Phase[])
    .map((p) => `  ${p.padEnd(12)} ${String(b.timingsMs[p]).padStart(8)} ms`);
  return [
    `compress (${b.preset} on ${b.models.join(', ')}; loading ${b.loadMs} ms)`,
    ...phases,
    `  cpu          ${String(b.cpuMs).padStart(8)} ms (this process; wall time above includes waiting for a shared CPU)`,
    `  ratio ${b.ratio.toFixed(2)}x (${b.compressedBytes} of ${b.float32Bytes} bytes); ${b.under3Minutes ? 'under' : 'OVER'} 3 minutes`,
    ...b.accuracy.map((a) => `  ${a.name.padEnd(10)} float ${(a.float * 100).toFixed(2)} %  compressed ${(a.compressed * 100).toFixed(2)} %`),
  ].join('\n');
}
