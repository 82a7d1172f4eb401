// `npm run bench -- --only qemu [--bundle FILE.yono]`: the standalone int8 PQ kernels
// (src/core/bundle/c/int8) chained into each built-in model's layers, run on QEMU's Cortex-M7
// (mps2-an500) with the instruction-counting plugin: instructions per MAC per layer, per layer kind
// (beside CMSIS-NN's figures) and for the whole inference (start-up and printing excluded).
// Without --bundle the layers' formats are the test zoo's (pq: spatial d 9, k 24; pointwise d 4, k 16);
// pass the bundle `yono compress --out` wrote to measure the formats the pipeline chose.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundle } from '../src/core/bundle/read';
import { writeBundle } from '../src/core/bundle/write';
import { zooResult } from '../src/core/bundle/testing/zoo';
import { bundleModelIR } from '../src/core/bundle/tfjs-export';
import type { Bundle } from '../src/core/bundle/bundle';
import { countMacs } from '../src/core/models/stats';
import { loadCompressInputs } from '../src/node/compressInputs';
import { buildElf, buildPlugin } from '../src/node/qemu/build';
import { runOnQemu } from '../src/node/qemu/run';
import { M4, M7, type QemuTarget } from '../src/node/qemu/targets';
import { requireArmTools } from '../src/node/qemu/tools';
import { INT8_C_DIR } from '../src/node/int8c/paths';
import { networkOps, networkProgram, type NetKind } from './int8/network';

/** CMSIS-NN's int8 kernels on the same ISA, instructions per MAC (MCU-FIGURES.md). */
export const CMSIS_NN_INSNS_PER_MAC: Partial<Record<NetKind, string>> = {
  conv: '2.33', 'first conv': '4.86 (Cin = 3)', pointwise: '2.05-2.66', depthwise: '8.25', dense: '1.96',
};

export interface LayerRow { model: string; layer: string; kind: NetKind; format: string; macs: number; insns: number }
export interface ModelRow { model: string; target: string; macs: number; insns: number; text: number; bss: number; layers: LayerRow[] }

async function defaultBundle(): Promise<Bundle> {
  const tasks = ['digits', 'fashion', 'keywords', 'activity'] as const;
  const inputs = await loadCompressInputs(tasks.map((task) => ({ kind: 'builtin' as const, task })));
  return readBundle(writeBundle(zooResult(inputs.map((i) => i.ir), 5, [['pq', 'channel']])));
}

/** Runs every model of the bundle (or `models`) on `targets`, `runs` inferences each. */
export async function benchQemu(opts: { bundle?: string; models?: string[]; targets?: QemuTarget[]; runs?: number; scratch?: number; log?: (s: string) => void } = {}): Promise<ModelRow[]> {
  requireArmTools();
  const b = opts.bundle ? readBundle(new Uint8Array(readFileSync(opts.bundle))) : await defaultBundle();
  const models = opts.models ?? b.manifest.models.map((m) => m.name);
  const runs = opts.runs ?? 2;
  const plugin = buildPlugin();
  const work = mkdtempSync(join(tmpdir(), 'yono-bench-qemu-'));
  const rows: ModelRow[] = [];
  try {
    for (const model of models) {
      const ops = networkOps(b, model, opts.scratch ?? 8192);
      const src = join(work, `${model}.c`);
      writeFileSync(src, networkProgram(ops, runs));
      const macs = countMacs(bundleModelIR(b, model)).total;
      for (const t of opts.targets ?? [M7]) {
        const build = buildElf(t, [src, join(INT8_C_DIR, 'yono_kernels_s8.c')], work, `${model}-${t.name}`, { includes: [INT8_C_DIR] });
        const r = runOnQemu(t, build, plugin, { regions: ops.length + 1 });
        if (r.status !== 0) throw new Error(`${model} on ${t.machine}: exit status ${r.status} ${r.stdout}`);
        const layers = ops.map((o, i) => ({ model, layer: o.name, kind: o.kind, format: o.format, macs: o.macs, insns: (r.insns.regions[i + 1] ?? 0) / runs }));
        rows.push({ model, target: t.machine, macs, insns: layers.reduce((s, l) => s + l.insns, 0), text: build.text, bss: build.bss, layers });
        opts.log?.(`${model} on ${t.machine}: ${(rows[rows.length - 1].insns / macs).toFixed(2)} insns/MAC`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const pad = (rows: string[][]) => {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((v, c) => (c === 0 || c === 1 || c === 3 ? v.padEnd(w[c]) : v.padStart(w[c]))).join('  ').trimEnd()).join('\n');
};

/** The per-layer table, the per-kind table beside CMSIS-NN's figures, and the whole-inference figures. */
export function formatQemuBench(rows: ModelRow[]): string {
  const out: string[] = [];
  const layerRows = [['model', 'layer', 'MACs', 'kind / format', 'insns', 'insns/MAC']];
  for (const m of rows) for (const l of m.layers) {
    layerRows.push([`${m.model} (${m.target})`, l.layer, l.macs.toLocaleString('en-US'), `${l.kind}, ${l.format || '-'}`, Math.round(l.insns).toLocaleString('en-US'), l.macs ? (l.insns / l.macs).toFixed(2) : '']);
  }
  out.push(pad(layerRows), '');
  const kinds = new Map<string, { macs: number; insns: number }>();
  for (const m of rows) for (const l of m.layers) {
    const key = `${l.kind}|${m.target}`;
    const k = kinds.get(key) ?? { macs: 0, insns: 0 };
    k.macs += l.macs;
    k.insns += l.insns;
    kinds.set(key, k);
  }
  const kindRows = [['kind', 'target', 'MACs', 'insns', 'insns/MAC', 'CMSIS-NN insns/MAC']];
  for (const [key, k] of kinds) {
    const [kind, target] = key.split('|');
    kindRows.push([kind, target, k.macs.toLocaleString('en-US'), Math.round(k.insns).toLocaleString('en-US'), k.macs ? (k.insns / k.macs).toFixed(2) : '(no MACs)', CMSIS_NN_INSNS_PER_MAC[kind as NetKind] ?? '']);
  }
  out.push(pad(kindRows), '');
  const modelRows = [['model', 'target', 'MACs', 'insns/inference', 'insns/MAC (target <= 4.3)', 'text B']];
  for (const m of rows) modelRows.push([m.model, m.target, m.macs.toLocaleString('en-US'), Math.round(m.insns).toLocaleString('en-US'), (m.insns / m.macs).toFixed(2), String(m.text)]);
  out.push(pad(modelRows));
  return out.join('\n');
}

if (process.argv[1]?.endsWith('qemu.ts')) {
  const arg = (n: string) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? process.argv[i + 1] : undefined; };
  void benchQemu({ bundle: arg('bundle'), models: arg('models')?.split(','), targets: arg('targets') === 'both' ? [M7, M4] : [M7], log: (s) => console.error(s) })
    .then((rows) => console.log(formatQemuBench(rows)));
}
