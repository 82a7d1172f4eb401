import { describe, expect, it } from 'vitest';
import { countsFromIR } from '../cost/counts-from-ir';
import type { ModelCounts } from '../counts';
import { NRF52840, STM32F746, STM32H743 } from '../devices/index';
import { IRBuilder } from '../reference-models/builder';
import { taskStandins } from '../reference-models/task-standins';
import { DEFAULT_SCENARIO } from './requests';
import { simulate, strategyMemoryMaps } from './simulate';
import type { SimulationReport } from './types';

const bundle = (): ModelCounts[] => taskStandins().map((ir) => countsFromIR(ir, 'pq'));

/** An MLP whose hidden width sets its size; the layer count stays the same. */
function mlp(name: string, hidden: number): ModelCounts {
  const b = new IRBuilder(name, [64]);
  b.dense(hidden, 'relu'); b.dense(hidden, 'relu'); b.dense(4, 'softmax');
  return countsFromIR(b.build(), 'pq');
}

function checkTimeline(r: SimulationReport): void {
  for (const s of r.strategies) {
    for (let i = 0; i < s.events.length; i++) {
      const e = s.events[i];
      expect(e.t1Us, `${s.name} event ${i}`).toBeGreaterThanOrEqual(e.t0Us);
      if (i > 0) expect(e.t0Us, `${s.name} event ${i} starts before the previous ends`).toBeGreaterThanOrEqual(s.events[i - 1].t1Us);
    }
  }
}

describe('simulate', () => {
  const report = simulate(bundle(), STM32F746, DEFAULT_SCENARIO);

  it('runs the default scenario under the three strategies, all fitting on the F746', () => {
    expect(report.device).toBe('stm32f746');
    expect(report.requests).toBe(60 + 12 + 30 + 12);
    expect(report.strategies.map((s) => s.name)).toEqual(['external-storage', 'internal-flash', 'yono']);
    for (const s of report.strategies) expect(s.fits, `${s.name}: ${s.message}`).toBe(true);
    expect(report.durationUs).toBe(60e6);
  });

  it('never overlaps events on the one core, and covers the timeline without gaps', () => {
    checkTimeline(report);
    for (const s of report.strategies) {
      expect(s.events[0].t0Us).toBe(0);
      for (let i = 1; i < s.events.length; i++) expect(s.events[i].t0Us).toBeCloseTo(s.events[i - 1].t1Us, 6);
      expect(s.events[s.events.length - 1].t1Us).toBe(s.timelineUs);
    }
  });

  it('adds up energies: the events sum to the totals, and the totals to switches and inferences', () => {
    for (const s of report.strategies) {
      const byKind = { load: 0, switch: 0, compute: 0, idle: 0 };
      for (const e of s.events) byKind[e.kind] += e.energyUj / 1e3;
      expect(byKind.load + byKind.switch + byKind.compute + byKind.idle).toBeCloseTo(s.energyMj.total, 6);
      for (const k of ['load', 'switch', 'compute', 'idle'] as const) expect(byKind[k]).toBeCloseTo(s.energyMj[k], 6);
      expect(s.energyMj.load + s.energyMj.switch).toBeCloseTo((s.meanSwitchMj as number) * s.switches, 6);
      const computeEvents = s.events.filter((e) => e.kind === 'compute');
      expect(computeEvents).toHaveLength(report.requests);
      const expected = computeEvents.reduce((a, e) => a + s.inferenceMj[e.model], 0);
      expect(s.energyMj.compute).toBeCloseTo(expected, 6);
    }
  });

  it('switches on every task change (and on the first request), loading only for external storage', () => {
    const ext = report.strategies[0];
    const yono = report.strategies[2];
    expect(ext.switches).toBe(yono.switches);
    expect(ext.events.filter((e) => e.kind === 'load')).toHaveLength(ext.switches);
    expect(yono.events.filter((e) => e.kind === 'load')).toHaveLength(0);
    expect(yono.events.filter((e) => e.kind === 'switch')).toHaveLength(yono.switches);
  });

  it('reports YONO\'s switch-latency and -energy cut against external storage', () => {
    const [ext, , yono] = report.strategies;
    expect(report.reduction.switchLatencyPct).toBeCloseTo(100 * (1 - (yono.meanSwitchMs as number) / (ext.meanSwitchMs as number)), 9);
    expect(report.reduction.switchLatencyPct).toBeGreaterThan(90);
    expect(report.reduction.switchEnergyPct).toBeGreaterThan(90);
  });

  it('queues requests that arrive while the core is busy', () => {
    const r = simulate(bundle(), NRF52840, { kind: 'explicit', requests: [{ atMs: 0, model: 'keywords' }, { atMs: 1, model: 'digits' }] });
    for (const s of r.strategies) {
      const compute = s.events.filter((e) => e.kind === 'compute');
      expect(compute[1].t0Us).toBeGreaterThan(compute[0].t1Us - 1e-6);
      expect(s.requestLatencyMs[1]).toBeGreaterThan(s.requestLatencyMs[0] - 1); // waited for the first
      expect(s.requestLatencyMs[1]).toBeCloseTo((compute[1].t1Us - 1000) / 1e3, 6);
    }
    checkTimeline(r);
  });

  it('reports a model set that does not fit, with the bytes needed and available, and runs nothing', () => {
    const big = mlp('big', 1200); // ~1.5 M float32 weights: 5.8 MB as float32, 1.5 MB as int8
    const r = simulate([big], STM32F746, { kind: 'explicit', requests: [{ atMs: 0, model: 'big' }] }, { baselineFormat: 'float32' });
    const flash = r.strategies.find((s) => s.name === 'internal-flash');
    expect(flash?.fits).toBe(false);
    expect(flash?.message).toMatch(/^does not fit in flash: needs \d+\.\d KB, has 1024\.0 KB$/);
    expect(flash?.events).toEqual([]);
    expect(flash?.meanSwitchMs).toBeNull();
    const ext = r.strategies.find((s) => s.name === 'external-storage');
    expect(ext?.fits).toBe(false);
    expect(ext?.message).toMatch(/does not fit in SRAM: needs .* KB, has 320\.0 KB/);
    expect(r.strategies.find((s) => s.name === 'yono')?.fits).toBe(true);
    expect(r.reduction.switchLatencyPct).toBeNull();
  });

  it('external-storage switch cost grows with model bytes; the YONO switch does not depend on model size', () => {
    const models = [mlp('s', 32), mlp('m', 256), mlp('l', 512)];
    const r = simulate(models, STM32F746, { kind: 'explicit', requests: [{ atMs: 0, model: 's' }, { atMs: 100, model: 'm' }, { atMs: 200, model: 'l' }] });
    const ext = r.strategies[0];
    const yono = r.strategies[2];
    expect(ext.switchMs.s).toBeLessThan(ext.switchMs.m);
    expect(ext.switchMs.m).toBeLessThan(ext.switchMs.l);
    expect(ext.switchMj.m).toBeLessThan(ext.switchMj.l);
    expect(yono.switchMs.s).toBe(yono.switchMs.l);
    expect(yono.switchMj.s).toBe(yono.switchMj.l);
  });

  it('orders the devices by inference time for every model (H7 < F7 < nRF52840)', () => {
    const reps = [STM32H743, STM32F746, NRF52840].map((d) => simulate(bundle(), d, DEFAULT_SCENARIO, { keepEvents: false }));
    for (const strategy of [0, 1, 2]) {
      for (const m of Object.keys(reps[0].strategies[strategy].inferenceMs)) {
        const [h7, f7, nrf] = reps.map((r) => r.strategies[strategy].inferenceMs[m]);
        expect(h7).toBeLessThan(f7);
        expect(f7).toBeLessThan(nrf);
      }
    }
  });

  it('powering the card down between loads adds its init time to every load', () => {
    const req = { kind: 'explicit' as const, requests: [{ atMs: 0, model: 'digits' }] };
    const warm = simulate(bundle(), STM32F746, req).strategies[0].switchMs.digits;
    const cold = simulate(bundle(), STM32F746, req, { sdPowerCycle: true }).strategies[0].switchMs.digits;
    expect(cold - warm).toBeCloseTo(65, 6);
  });

  it('says which model is missing and which exist', () => {
    expect(() => simulate(bundle(), STM32F746, { kind: 'explicit', requests: [{ atMs: 0, model: 'speech' }] }))
      .toThrow(/requests 'speech' but the models are 'digits', 'fashion', 'keywords', 'activity'/);
  });

  it('is deterministic', () => {
    expect(simulate(bundle(), STM32H743, DEFAULT_SCENARIO)).toEqual(simulate(bundle(), STM32H743, DEFAULT_SCENARIO));
  });

  it('gives the same memory maps without simulating', () => {
    const maps = strategyMemoryMaps(bundle(), NRF52840, { baselineFormat: 'float32' });
    expect(maps.map((m) => [m.strategy, m.fits])).toEqual([['external-storage', false], ['internal-flash', true], ['yono', true]]);
    expect(maps[0].message).toMatch(/does not fit in SRAM: needs .* KB, has 256\.0 KB/);
  });
});
