// Virtual-MCU scenario simulator: time to simulate ~10,000 requests (issue 6: under 1 s in Node).
// Run alone: npx tsx bench/mcu.ts   — or import { benchMcu } from bench/run.ts.
import { pathToFileURL } from 'node:url';
import { countsFromIR } from '../src/core/mcu/cost/counts-from-ir';
import { DEVICES } from '../src/core/mcu/devices/index';
import { taskStandins } from '../src/core/mcu/reference-models/task-standins';
import { DEFAULT_SCENARIO } from '../src/core/mcu/scenario/requests';
import { simulate } from '../src/core/mcu/scenario/simulate';
import type { Scenario } from '../src/core/mcu/scenario/types';

/** One measured case. */
export interface McuBenchRow {
  device: string;
  requests: number;
  /** Events kept in the report (three strategies). */
  events: number;
  /** Median wall time of `simulate` over the runs, ms. */
  medianMs: number;
  minMs: number;
}

/**
 * Simulates the default four-task mix stretched to ~10,000 requests (`requests`) on every device, with the
 * full event list kept, and returns the median and minimum wall time of `simulate` over `runs` runs.
 * Counts come from the task stand-in IRs (countsFromIR, pq), computed once outside the timing.
 */
export function benchMcu(opts: { requests?: number; runs?: number } = {}): McuBenchRow[] {
  const target = opts.requests ?? 10_000;
  const runs = opts.runs ?? 7;
  const models = taskStandins().map((ir) => countsFromIR(ir, 'pq'));
  const base = DEFAULT_SCENARIO as Extract<Scenario, { kind: 'periodic' }>;
  const perSecond = base.tasks.reduce((a, t) => a + 1000 / t.periodMs, 0);
  const scenario: Scenario = { ...base, durationMs: Math.ceil((target / perSecond) * 1000) };
  const rows: McuBenchRow[] = [];
  for (const device of Object.values(DEVICES)) {
    simulate(models, device, scenario); // warm-up (JIT)
    const times: number[] = [];
    let requests = 0, events = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = simulate(models, device, scenario);
      times.push(performance.now() - t0);
      requests = r.requests;
      events = r.strategies.reduce((a, s) => a + s.events.length, 0);
    }
    times.sort((a, b) => a - b);
    rows.push({ device: device.id, requests, events, medianMs: times[Math.floor(times.length / 2)], minMs: times[0] });
  }
  return rows;
}

/** One line per device, for `npm run bench`. */
export function formatMcuBench(rows: McuBenchRow[]): string {
  return ['mcu: simulate() on ~10,000 requests x 3 strategies (target < 1 s)', ...rows.map((r) =>
    `  ${r.device.padEnd(10)} ${String(r.requests).padStart(6)} requests, ${String(r.events).padStart(6)} events: median ${r.medianMs.toFixed(1)} ms, min ${r.minMs.toFixed(1)} ms`)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatMcuBench(benchMcu()));
}
