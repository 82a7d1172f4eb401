/**
 * The Export step's report: every figure the app shows (compression report, comparison table, sweep,
 * simulation) as JSON, and the tabular part as one CSV with a `scope` column. Pure.
 */
import type { CompressionResult } from '../compress/types';
import type { BaselineRow } from '../studies/baselines';
import { toReport } from '../compress/result/report';
import type { SimulationSummary } from '../mcu/scenario/run';
import type { SweepPoint } from '../studies/sweep';

/** What the app has besides the compression result. */
export interface ReportExtras {
  comparison: BaselineRow[] | null;
  sweep: SweepPoint[];
  simulation: SimulationSummary | null;
}

/** The JSON report: the pipeline's report keys (issue 4) plus `comparison`, `sweep` and `simulation` (issue 6 keys). */
export function reportJson(result: CompressionResult, extras: ReportExtras): string {
  const sim = extras.simulation;
  return `${JSON.stringify({
    generatedBy: 'YONO Workbench',
    ...toReport(result),
    comparison: extras.comparison,
    sweep: extras.sweep,
    simulation: sim && {
      device: sim.device, deviceName: sim.deviceName, requests: sim.requests, durationUs: sim.durationUs, scenario: sim.scenario,
      strategies: sim.strategies, reduction: sim.reduction, memoryMaps: sim.memoryMaps[sim.device] ?? [],
    },
  }, null, 1)}\n`;
}

const COLUMNS = ['scope', 'model', 'layer', 'kind', 'params', 'format', 'codebook', 'sqnr_db', 'bytes', 'float32_bytes',
  'sensitivity_pp', 'recovered', 'accuracy_float', 'accuracy_compressed'] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | null>>;

/** One CSV field, quoted when it needs to be. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV report: one row per layer, per model, the total, each comparison method and each sweep point. */
export function reportCsv(result: CompressionResult, extras: ReportExtras): string {
  const rows: Row[] = [];
  for (const m of result.models) {
    for (const l of m.layers) {
      rows.push({ scope: 'layer', model: m.name, layer: l.name, kind: l.kind, params: l.params, format: l.format, codebook: l.codebook,
        sqnr_db: l.sqnrDb, bytes: l.bytes, float32_bytes: l.float32Bytes, sensitivity_pp: l.sensitivityPp, recovered: l.recovered });
    }
    rows.push({ scope: 'model', model: m.name, bytes: m.compressedBytes, float32_bytes: m.float32Bytes,
      accuracy_float: m.accuracyFloat, accuracy_compressed: m.accuracyCompressed });
  }
  rows.push({ scope: 'total', model: result.plan.preset, bytes: result.totals.compressedBytes, float32_bytes: result.totals.float32Bytes });
  for (const c of extras.comparison ?? []) {
    const acc = Object.values(c.accuracy);
    rows.push({ scope: 'method', model: c.label, format: c.preset, bytes: c.totalBytes, float32_bytes: c.float32Bytes,
      accuracy_compressed: acc.length ? acc.reduce((a, b) => a + b, 0) / acc.length : null });
  }
  for (const p of extras.sweep) rows.push({ scope: 'sweep', layer: `d=${p.d} K=${p.k}`, bytes: p.bytes, accuracy_compressed: p.accuracy });
  return `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n')}\n`;
}
