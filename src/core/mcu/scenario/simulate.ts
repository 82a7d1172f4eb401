import type { ModelCounts } from '../counts';
import { validateModelCounts } from '../counts';
import type { DeviceProfile } from '../devices/types';
import { expandScenario } from './requests';
import type { RequestList } from './requests';
import { planStrategy } from './strategy-plan';
import type { PlanOptions, StrategyPlan } from './strategy-plan';
import { STRATEGY_NAMES } from './types';
import type { MemoryMap, Scenario, SimEvent, SimulateOptions, SimulationReport, StrategyName, StrategyResult } from './types';

function resolve(o: SimulateOptions): SimulationReport['options'] {
  const baselineFormat = o.baselineFormat ?? 'int8';
  const strategies = o.strategies ?? [...STRATEGY_NAMES];
  for (const s of strategies) if (!STRATEGY_NAMES.includes(s)) throw new Error(`unknown strategy '${s}': use ${STRATEGY_NAMES.join(', ')}`);
  if (baselineFormat !== 'int8' && baselineFormat !== 'float32') throw new Error(`baselineFormat must be int8 or float32, got '${String(baselineFormat)}'`);
  const baselineEngine = o.baselineEngine ?? (baselineFormat === 'int8' ? 'int8-optimized' : 'yono-float-pq');
  if (baselineEngine === 'int8-optimized' && baselineFormat !== 'int8') throw new Error('the int8-optimized engine runs int8 weights: use baselineFormat int8 or baselineEngine yono-float-pq');
  return { baselineFormat, baselineEngine, sdChunkBytes: o.sdChunkBytes ?? 4096, sdPowerCycle: o.sdPowerCycle ?? false, keepEvents: o.keepEvents ?? true, strategies };
}

/** Runs the requests through one strategy on one core: FIFO queue, switch on task change, idle in the gaps. */
function run(plan: StrategyPlan, req: RequestList, names: string[], idleW: number, keepEvents: boolean): StrategyResult {
  const n = req.atUs.length;
  const events: SimEvent[] = [];
  const latency = new Float64Array(n);
  const e = { load: 0, switch: 0, compute: 0, idle: 0 };
  let t = 0, current = -1, switches = 0, switchUs = 0, switchUj = 0, busyUs = 0;
  const idleUjPerUs = idleW; // W = J/s = uJ/us
  const push = (t0: number, t1: number, kind: SimEvent['kind'], model: string, uj: number): void => {
    if (keepEvents) events.push({ t0Us: t0, t1Us: t1, kind, model, energyUj: uj });
  };
  for (let i = 0; i < n; i++) {
    const arrive = req.atUs[i];
    const mi = req.model[i];
    const s = plan.steps[mi];
    if (arrive > t) {
      const uj = (arrive - t) * idleUjPerUs;
      e.idle += uj;
      push(t, arrive, 'idle', '', uj);
      t = arrive;
    }
    if (mi !== current) {
      if (s.loadUs > 0) { push(t, t + s.loadUs, 'load', names[mi], s.loadUj); t += s.loadUs; e.load += s.loadUj; }
      push(t, t + s.setupUs, 'switch', names[mi], s.setupUj);
      t += s.setupUs;
      e.switch += s.setupUj;
      switches++;
      switchUs += s.loadUs + s.setupUs;
      switchUj += s.loadUj + s.setupUj;
      busyUs += s.loadUs + s.setupUs;
      current = mi;
    }
    push(t, t + s.computeUs, 'compute', names[mi], s.computeUj);
    t += s.computeUs;
    e.compute += s.computeUj;
    busyUs += s.computeUs;
    latency[i] = t - arrive;
  }
  if (req.endUs !== null && req.endUs > t) {
    const uj = (req.endUs - t) * idleUjPerUs;
    e.idle += uj;
    push(t, req.endUs, 'idle', '', uj);
    t = req.endUs;
  }
  const sorted = Float64Array.from(latency).sort();
  let lsum = 0;
  for (let i = 0; i < n; i++) lsum += latency[i];
  const perModel = (f: (k: number) => number): Record<string, number> => Object.fromEntries(names.map((m, k) => [m, f(k)]));
  return {
    name: plan.name, fits: true, message: null, engine: plan.engine, weightFormat: plan.weightFormat, switches,
    meanSwitchMs: switches ? switchUs / switches / 1e3 : null,
    meanSwitchMj: switches ? switchUj / switches / 1e3 : null,
    switchMs: perModel((k) => (plan.steps[k].loadUs + plan.steps[k].setupUs) / 1e3),
    switchMj: perModel((k) => (plan.steps[k].loadUj + plan.steps[k].setupUj) / 1e3),
    inferenceMs: perModel((k) => plan.steps[k].computeUs / 1e3),
    inferenceMj: perModel((k) => plan.steps[k].computeUj / 1e3),
    requestLatencyMs: Array.from(latency, (x) => x / 1e3),
    latencyMs: n ? { mean: lsum / n / 1e3, p95: sorted[Math.min(n - 1, Math.floor(0.95 * n))] / 1e3, max: sorted[n - 1] / 1e3 } : null,
    energyMj: { load: e.load / 1e3, switch: e.switch / 1e3, compute: e.compute / 1e3, idle: e.idle / 1e3, total: (e.load + e.switch + e.compute + e.idle) / 1e3 },
    timelineUs: t, busyPct: t > 0 ? (100 * busyUs) / t : null,
    memory: plan.memory, events,
  };
}

function notFitting(plan: StrategyPlan, names: string[]): StrategyResult {
  const perModel = (f: (k: number) => number): Record<string, number> => Object.fromEntries(names.map((m, k) => [m, f(k)]));
  return {
    name: plan.name, fits: false, message: plan.memory.message, engine: plan.engine, weightFormat: plan.weightFormat,
    switches: 0, meanSwitchMs: null, meanSwitchMj: null,
    switchMs: perModel((k) => (plan.steps[k].loadUs + plan.steps[k].setupUs) / 1e3),
    switchMj: perModel((k) => (plan.steps[k].loadUj + plan.steps[k].setupUj) / 1e3),
    inferenceMs: perModel((k) => plan.steps[k].computeUs / 1e3),
    inferenceMj: perModel((k) => plan.steps[k].computeUj / 1e3),
    requestLatencyMs: [], latencyMs: null, energyMj: { load: 0, switch: 0, compute: 0, idle: 0, total: 0 }, timelineUs: 0, busyPct: null,
    memory: plan.memory, events: [],
  };
}

function pct(yono: number | null | undefined, ext: number | null | undefined): number | null {
  if (yono == null || ext == null || !(ext > 0)) return null;
  return 100 * (1 - yono / ext);
}

/**
 * Simulates a request sequence on one device under each strategy, side by side. `models` are the compressed
 * models (as the runtime or `countsFromIR(ir, 'pq')` counts them); the uncompressed strategies derive their
 * int8/float32 variants from them. Pure: the same inputs give the same report.
 */
export function simulate(models: ModelCounts[], device: DeviceProfile, scenario: Scenario, options: SimulateOptions = {}): SimulationReport {
  const o = resolve(options);
  models.forEach(validateModelCounts);
  const req = expandScenario(scenario);
  const byName = new Map(models.map((m) => [m.model, m]));
  const missing = req.models.filter((m) => !byName.has(m));
  if (missing.length) {
    throw new Error(`the scenario requests ${missing.map((m) => `'${m}'`).join(', ')} but the models are ${models.map((m) => `'${m.model}'`).join(', ') || '(none)'}`);
  }
  // Every model is stored (memory map); only requested ones appear in the timeline. Requested models first,
  // so request model ids index the plan's steps directly.
  const ordered = [...req.models.map((m) => byName.get(m) as ModelCounts), ...models.filter((m) => !req.models.includes(m.model))];
  const names = ordered.map((m) => m.model);
  const planOpts: PlanOptions = { baselineFormat: o.baselineFormat, baselineEngine: o.baselineEngine, sdChunkBytes: o.sdChunkBytes, sdPowerCycle: o.sdPowerCycle };
  const results = o.strategies.map((s: StrategyName) => {
    const plan = planStrategy(s, ordered, device, planOpts);
    if (!plan.memory.fits) return notFitting(plan, names);
    const idleW = device.power.voltageV * device.power.sleepCurrentA + plan.backgroundW;
    return run(plan, req, names, idleW, o.keepEvents);
  });
  const ext = results.find((r) => r.name === 'external-storage');
  const yono = results.find((r) => r.name === 'yono');
  const endUs = results.reduce((a, r) => Math.max(a, r.timelineUs), req.endUs ?? 0);
  return {
    device: device.id, deviceName: device.name, requests: req.atUs.length, durationUs: endUs, options: o, strategies: results,
    reduction: { switchLatencyPct: pct(yono?.meanSwitchMs, ext?.meanSwitchMs), switchEnergyPct: pct(yono?.meanSwitchMj, ext?.meanSwitchMj) },
  };
}

/**
 * The memory map of every strategy (or those in `options.strategies`) for a set of compressed models on a
 * device, without simulating a timeline: the fits / does-not-fit badges of the UI.
 */
export function strategyMemoryMaps(models: ModelCounts[], device: DeviceProfile, options: SimulateOptions = {}): MemoryMap[] {
  const o = resolve(options);
  models.forEach(validateModelCounts);
  const planOpts: PlanOptions = { baselineFormat: o.baselineFormat, baselineEngine: o.baselineEngine, sdChunkBytes: o.sdChunkBytes, sdPowerCycle: o.sdPowerCycle };
  return o.strategies.map((s) => planStrategy(s, models, device, planOpts).memory);
}
