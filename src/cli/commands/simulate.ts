import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parseArgs, strFlag } from '../args';
import { DEVICE_IDS, getDevice } from '../../core/mcu/devices';
import { bundleCounts, scenarioFor } from '../../core/mcu/scenario/for-bundle';
import { parseScenario } from '../../core/mcu/scenario/parse';
import { simulate } from '../../core/mcu/scenario/simulate';
import { eventsToCsv } from '../../core/mcu/scenario/csv';
import type { Scenario, SimulationReport } from '../../core/mcu/scenario/types';
import { loadBundleFile } from './inspect';

const USAGE = `Usage: yono simulate FILE.yono [--device ${DEVICE_IDS.join('|')}] [--scenario default|FILE.json]
                     [--baseline int8|float32] [--report FILE.json] [--csv FILE] [--json]

Runs the bundle's models on the virtual MCU (counts measured by executing the bundle's bytes), then
simulates a request sequence under three strategies side by side: external storage (weights on the SD
card, read on every task switch), internal flash (uncompressed models in flash, where they fit) and
YONO (all compressed models on chip, a switch is a pointer change). Prints per strategy the switch
latency and energy, inference time per model and YONO's reduction against external storage.

  --device     device profile (default stm32f746)
  --scenario   'default' (keywords every 1 s, activity 2 s, digits and fashion 5 s, for 60 s; models
               the bundle adds run every 3 s) or a JSON file:
               { "kind": "periodic", "durationMs": 60000, "tasks": [{ "model", "periodMs", "offsetMs" }] }
               { "kind": "explicit", "requests": [{ "atMs", "model" }] }
  --baseline   weight format of the uncompressed strategies (default int8)
  --report     write the full report (events included) as JSON
  --csv        write every event as CSV (strategy, kind, model, t0_us, t1_us, energy_uj)
  --json       print the report without events as JSON instead of the table`;

async function loadScenario(arg: string | undefined, models: string[]): Promise<Scenario> {
  if (arg === undefined || arg === 'default') return scenarioFor([], models);
  let text: string;
  try {
    text = await readFile(arg, 'utf8');
  } catch (e) {
    throw new Error(`${arg}: cannot read the scenario (${(e as Error).message}); give 'default' or a JSON file`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${arg}: not JSON (${(e as Error).message})`, { cause: e });
  }
  try {
    return parseScenario(json);
  } catch (e) {
    throw new Error(`${arg}: ${(e as Error).message}`, { cause: e });
  }
}

const f = (v: number | null | undefined, digits = 3): string => (v == null ? '-' : v.toFixed(digits));

/** The report as a table: one block per strategy, then the reduction. */
export function formatSimulation(r: SimulationReport): string {
  const out = [`${r.deviceName} (${r.device}): ${r.requests} requests over ${(r.durationUs / 1e6).toFixed(1)} s`];
  for (const s of r.strategies) {
    out.push('', `${s.name} (${s.weightFormat} weights)`);
    if (!s.fits) { out.push(`  does not fit: ${s.message ?? ''}`); continue; }
    out.push(`  switches ${s.switches}, mean switch ${f(s.meanSwitchMs)} ms / ${f(s.meanSwitchMj, 4)} mJ, energy ${f(s.energyMj.total, 1)} mJ in total`);
    if (s.latencyMs) out.push(`  request latency mean ${f(s.latencyMs.mean)} ms, p95 ${f(s.latencyMs.p95)} ms, max ${f(s.latencyMs.max)} ms`);
    for (const m of Object.keys(s.inferenceMs)) {
      out.push(`  ${m.padEnd(12)} switch ${f(s.switchMs[m]).padStart(9)} ms  inference ${f(s.inferenceMs[m]).padStart(9)} ms  ${f(s.inferenceMj[m], 4).padStart(9)} mJ`);
    }
  }
  const red = r.reduction;
  out.push('', red.switchLatencyPct == null
    ? 'reduction: needs both external-storage and yono to fit'
    : `YONO against external storage: switch latency ${red.switchLatencyPct >= 0 ? '-' : '+'}${Math.abs(red.switchLatencyPct).toFixed(2)} %, switch energy ${(red.switchEnergyPct ?? 0) >= 0 ? '-' : '+'}${Math.abs(red.switchEnergyPct ?? 0).toFixed(2)} %`);
  return out.join('\n');
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate switching between the bundle\'s models on a virtual MCU (external storage vs flash vs YONO)',
  usage: USAGE,
  async run(args) {
    const p = parseArgs(args, { values: ['device', 'scenario', 'baseline', 'report', 'csv'], booleans: ['json'] });
    if (p.positional.length !== 1) throw new UsageError('give exactly one FILE.yono');
    const deviceId = strFlag(p, 'device', 'stm32f746') as string;
    if (!(DEVICE_IDS as readonly string[]).includes(deviceId)) throw new UsageError(`--device must be one of ${DEVICE_IDS.join(', ')}, got '${deviceId}'`);
    const baseline = strFlag(p, 'baseline', 'int8');
    if (baseline !== 'int8' && baseline !== 'float32') throw new UsageError(`--baseline must be int8 or float32, got '${baseline ?? ''}'`);
    const bundle = await loadBundleFile(p.positional[0]);
    const counts = bundleCounts(bundle);
    const scenario = await loadScenario(strFlag(p, 'scenario'), counts.map((c) => c.model));
    const report = simulate(counts, getDevice(deviceId), scenario, { baselineFormat: baseline });
    const reportPath = strFlag(p, 'report');
    if (reportPath) await writeFile(reportPath, `${JSON.stringify(report)}\n`);
    const csvPath = strFlag(p, 'csv');
    if (csvPath) await writeFile(csvPath, eventsToCsv(report));
    if (p.flags.has('json')) {
      console.log(JSON.stringify({ ...report, strategies: report.strategies.map(({ events: _e, requestLatencyMs: _l, ...s }) => s) }, null, 1));
    } else {
      console.log(formatSimulation(report));
    }
    return 0;
  },
};
