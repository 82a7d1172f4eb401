// `npm run bench -- --only mcu [--bundle FILE.yono] [--models suite]`: the real int8 export (yono export-c of an
// int8 bundle) of every model, built for QEMU's Cortex-M7 (mps2-an500) and Cortex-M4 (mps2-an386), run on its
// stored samples with instructions counted per layer (the runtime's YONO_LAYER_HOOK): bit-exactness with the
// host build and the TS int8 runtime, instructions per MAC per model and per layer kind beside CMSIS-NN's,
// the int8 arena as `yono export-c` reports it, and the counts model (instructions = a·MACs + b·outputs +
// c·decoded weights per layer kind) fitted on the built-ins and checked on the suite models.
// Without --bundle: the built-ins (and with --models suite the suite's models) with the test zoo's formats
// (PQ per channel / int8 / PQ per layer in turn), calibrated on 200 training rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundle } from '../../src/core/bundle/read';
import { writeBundle } from '../../src/core/bundle/write';
import { zooResult } from '../../src/core/bundle/testing/zoo';
import { asInt8Result } from '../../src/core/bundle/testing/zoo-int8';
import type { Bundle } from '../../src/core/bundle/bundle';
import { loadCompressInputs, parseModelSpecs } from '../../src/node/compressInputs';
import { setupNodeTfjs } from '../../src/node/tfjs';
import { checkInt8ExportOnQemu, type S8ModelCheck } from '../../src/node/qemu/check-s8';
import { formatS8Check, formatS8Kinds, s8Kind, type S8Kind } from '../../src/node/qemu/format-s8';
import { M4, M7 } from '../../src/node/qemu/targets';
import { armToolVersions, requireArmTools } from '../../src/node/qemu/tools';

const BUILTINS = ['digits', 'fashion', 'keywords', 'activity'];

async function int8Bundle(models: string[], samples: number): Promise<Bundle> {
  const inputs = await loadCompressInputs(parseModelSpecs(models.join(',')));
  const res = zooResult(inputs.map((i) => i.ir), 5, [['pq', 'channel'], ['int8', 'none'], ['pq', 'layer']]);
  const train = Object.fromEntries(inputs.map((i) => {
    if (!i.train) throw new Error(`model ${i.ir.name} has no training data to calibrate on`);
    return [i.ir.name, i.train];
  }));
  asInt8Result(res, inputs.map((i) => i.ir), train);
  const smp = Object.fromEntries(inputs.map((i) => [i.ir.name, { x: i.test.x, y: i.test.y, n: Math.min(samples, i.test.n) }]));
  return readBundle(writeBundle(res, { samples: smp, maxSamples: samples }));
}

/**
 * A fitted counts model of one layer kind: instructions = a·MACs + b·outputs + c·decoded weights (layers with
 * MACs) or b·element ops (pooling, add, tables: `other`).
 */
export interface KindFit { kind: S8Kind; a: number; b: number; c: number; layers: number }

interface Row { model: string; kind: S8Kind; macs: number; outputs: number; decoded: number; elementOps: number; insns: number }

/** Least squares on the features `cols` (normal equations); null when singular. */
function solve(X: number[][], y: number[]): number[] | null {
  const n = X[0]?.length ?? 0;
  const M = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => X.reduce((s, x) => s + x[i] * x[j], 0)), X.reduce((s, x, k) => s + x[i] * y[k], 0)]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-9) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) if (r !== c) { const f = M[r][c] / M[c][c]; for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k]; }
  }
  return M.map((r, i) => r[n] / r[i]);
}

/** The best non-negative fit over the feature subsets the layers can determine (fewest features on ties). */
function fitKind(kind: S8Kind, rows: Row[]): KindFit {
  const y = rows.map((r) => r.insns);
  if (kind === 'other') {
    const ops = rows.reduce((s, r) => s + r.elementOps, 0);
    return { kind, a: 0, b: ops ? y.reduce((s, q) => s + q, 0) / ops : 0, c: 0, layers: rows.length };
  }
  const subsets = [[0], [0, 1], [0, 2], [0, 1, 2]].filter((f) => f.length <= rows.length);
  let best: { coef: number[]; f: number[]; sse: number } | null = null;
  for (const f of subsets) {
    const X = rows.map((r) => f.map((i) => [r.macs, r.outputs, r.decoded][i]));
    const coef = solve(X, y);
    if (!coef || coef.some((v) => v < 0)) continue;
    const sse = X.reduce((s, x, k) => s + (x.reduce((t, v, i) => t + v * coef[i], 0) - y[k]) ** 2, 0);
    if (!best || sse < best.sse * 0.98) best = { coef, f, sse };
  }
  const get = (i: number) => (best ? best.coef[best.f.indexOf(i)] ?? 0 : 0);
  return { kind, a: get(0), b: best?.f.includes(1) ? get(1) : 0, c: best?.f.includes(2) ? get(2) : 0, layers: rows.length };
}

function layerRows(checks: S8ModelCheck[], target: 'm7' | 'm4'): Row[] {
  return checks.flatMap((m) => (m.targets.find((t) => t.target === target)?.ops ?? []).map((o) => ({
    model: m.model, kind: s8Kind(o), macs: o.counts.macs, outputs: o.counts.outputElements, decoded: o.counts.decodedWeights,
    elementOps: o.counts.elementOps, insns: o.insns,
  })));
}

/** Fits the counts model per kind on `fit` (M7) and predicts each model of `check`. */
export function fitAndPredict(fit: S8ModelCheck[], check: S8ModelCheck[]): { fits: KindFit[]; predictions: { model: string; measured: number; predicted: number; error: number }[] } {
  const rows = layerRows(fit, 'm7');
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const fits = kinds.map((k) => fitKind(k, rows.filter((r) => r.kind === k)));
  const predict = (r: Row) => {
    const f = fits.find((x) => x.kind === r.kind) ?? fits.find((x) => x.kind === (r.macs ? 'conv' : 'other'));
    if (!f) return 0;
    return r.kind === 'other' ? f.b * r.elementOps : f.a * r.macs + f.b * r.outputs + f.c * r.decoded;
  };
  const predictions = check.map((m) => {
    const rs = layerRows([m], 'm7');
    const measured = rs.reduce((s, r) => s + r.insns, 0);
    const predicted = rs.reduce((s, r) => s + predict(r), 0);
    return { model: m.model, measured, predicted, error: (predicted - measured) / measured };
  });
  return { fits, predictions };
}

export interface Int8ExportBench { checks: S8ModelCheck[]; suite: S8ModelCheck[]; fit: ReturnType<typeof fitAndPredict> | null; tools: Record<string, string> }

/** Runs the bench (see the file comment). */
export async function benchInt8Export(opts: { bundle?: string; suite?: boolean; samples?: number; log?: (s: string) => void } = {}): Promise<Int8ExportBench> {
  requireArmTools();
  await setupNodeTfjs();
  const samples = opts.samples ?? 3;
  const work = mkdtempSync(join(tmpdir(), 'yono-bench-s8-'));
  try {
    const b = opts.bundle ? readBundle(new Uint8Array(readFileSync(opts.bundle))) : await int8Bundle(BUILTINS, samples);
    const names = b.manifest.models.filter((m) => m.arithmetic === 'int8').map((m) => m.name);
    opts.log?.(`int8 export on QEMU: ${names.join(', ')}`);
    const checks = checkInt8ExportOnQemu(b, names, samples, [M7, M4], join(work, 'main'));
    let suite: S8ModelCheck[] = [];
    let fit = null;
    if (opts.suite) {
      const sb = await int8Bundle(['suite'], samples);
      const sn = sb.manifest.models.map((m) => m.name);
      opts.log?.(`int8 export on QEMU, suite: ${sn.join(', ')}`);
      suite = checkInt8ExportOnQemu(sb, sn, samples, [M7], join(work, 'suite'));
      fit = fitAndPredict(checks, suite);
    } else {
      fit = fitAndPredict(checks, checks);
    }
    return { checks, suite, fit, tools: armToolVersions() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function formatInt8ExportBench(r: Int8ExportBench): string {
  const out = ['int8 export (yono export-c of an int8 bundle) on QEMU: bit-exactness, instructions per MAC (target <= 4.3 on M7), int8 arena (target <= 70 KB for keywords)', '',
    formatS8Check([...r.checks, ...r.suite], r.tools), '', 'per layer kind, Cortex-M7 (mps2-an500):', formatS8Kinds(r.checks, 'm7'), '',
    'per layer kind, Cortex-M4 (mps2-an386):', formatS8Kinds(r.checks, 'm4')];
  if (r.fit) {
    out.push('', 'counts model, fitted on the M7 counts of the built-ins: instructions = a·MACs + b·outputs + c·decoded weights, per kind');
    for (const f of r.fit.fits) out.push(f.kind === 'other' ? `  ${f.kind.padEnd(10)} ${f.b.toFixed(2)} per element op  (${f.layers} layers)` : `  ${f.kind.padEnd(10)} a ${f.a.toFixed(3)}  b ${f.b.toFixed(2)}  c ${f.c.toFixed(3)}  (${f.layers} layers)`);
    out.push(r.suite.length ? 'prediction on the suite models (not fitted on):' : 'in-sample (pass --models suite for the models it was not fitted on):');
    for (const p of r.fit.predictions) out.push(`  ${p.model.padEnd(10)} measured ${(p.measured / 1e6).toFixed(3)} M  predicted ${(p.predicted / 1e6).toFixed(3)} M  error ${(100 * p.error).toFixed(1)} %`);
  }
  return out.join('\n');
}
