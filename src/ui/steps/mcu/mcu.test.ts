import { describe, expect, it } from 'vitest';
import { scenarioCaption } from './ScenarioEditor';
import { keepsUpText, nothingSwitches, verdicts } from './verdicts';
import type { SimulationSummary, StrategySummary } from '../../services/types';

function strat(name: StrategySummary['name'], meanMs: number, energy: number, switches: number, fits = true, timelineUs = 61e6): StrategySummary {
  return {
    name, fits, message: fits ? null : 'does not fit in flash', weightFormat: 'int8', meanSwitchMs: 1, meanSwitchMj: 1, inferenceMs: { a: 1 },
    latencyMs: fits ? { mean: meanMs, p95: meanMs * 2, max: meanMs * 3 } : null, energyMj: { load: 0, switch: 0, compute: 0, idle: 0, total: energy }, events: [],
    switches, timelineUs, keepsUp: fits && timelineUs <= 60e6,
  };
}
const report = (s: StrategySummary[]): SimulationSummary => ({ device: 'stm32f746', deviceName: 'F746', requests: 10, durationUs: 61e6, scenarioUs: 60e6, reduction: { switchLatencyPct: 100, switchEnergyPct: 100 }, strategies: s, memoryMaps: {}, scenario: [] });

describe('MCU verdicts', () => {
  it('says plainly when YONO is slower or costs more, with the report\'s figures', () => {
    const v = verdicts(report([strat('external-storage', 42.2, 6099, 30), strat('internal-flash', 31.6, 5536, 30), strat('yono', 117.7, 7676, 30)])).map((x) => x.text);
    expect(v).toContain('YONO is slower than SD card: mean request latency 117.7 ms against 42.2 ms (2.8× as long).');
    expect(v).toContain('YONO costs more energy than Internal flash: 7,676 mJ against 5,536 mJ over the scenario.');
    expect(v).toContain('YONO does not keep up: its last request completes at 61.0 s of a 60 s scenario.');
  });

  it('compares YONO with every strategy on keeping up, from the report\'s timelines', () => {
    const r = report([strat('external-storage', 42.2, 6099, 30, true, 58e6), strat('internal-flash', 31.6, 5536, 30, true, 110.3e6), strat('yono', 117.7, 7676, 30, true, 59.5e6)]);
    const v = verdicts(r).map((x) => x.text);
    expect(v).toContain('Internal flash does not keep up: its last request completes at 110.3 s of a 60 s scenario (SD card and YONO keep up).');
    expect(v).toContain('YONO keeps up with the scenario where Internal flash does not.');
    expect(v.filter((t) => t.startsWith('YONO')).length).toBe(5); // latency and energy against each of the two, and keeping up
    expect(keepsUpText(r.strategies[1], r.scenarioUs)).toBe('no: last request ends at 110.3 s of a 60 s scenario');
    expect(keepsUpText(r.strategies[2], r.scenarioUs)).toBe('yes: last request ends at 59.5 s of a 60 s scenario');
    expect(keepsUpText(strat('yono', 0, 0, 0, false), r.scenarioUs)).toBeNull();
    expect(keepsUpText(r.strategies[2], undefined)).toBeNull();
    const all = report([strat('external-storage', 42.2, 6099, 30, true, 58e6), strat('yono', 117.7, 7676, 30, true, 59.5e6)]);
    expect(verdicts(all).map((x) => x.text)).toContain('Every strategy keeps up with the 60 s scenario: the last request of each ends by 59.5 s.');
    expect(verdicts(r).map((x) => x.text).join(' ')).not.toContain('Every strategy keeps up');
  });

  it('says when nothing switches, and when YONO is the only one that fits', () => {
    const r = report([strat('external-storage', 40, 10, 1), strat('internal-flash', 30, 10, 1, false), strat('yono', 20, 5, 1)]);
    expect(nothingSwitches(r)).toBe(true);
    expect(verdicts(r).map((x) => x.text).join(' ')).toContain('Nothing switches');
    const only = report([strat('external-storage', 0, 0, 0, false), strat('internal-flash', 0, 0, 0, false), strat('yono', 20, 5, 9)]);
    expect(verdicts(only).map((x) => x.text)).toContain('YONO is the only strategy that fits on F746.');
    expect(nothingSwitches(only)).toBe(false);
  });
});

describe('scenario caption', () => {
  it('after removing a task describes what the next run uses, not the last run as the default', () => {
    const ran = [{ model: 'a', periodMs: 1000 }, { model: 'b', periodMs: 2000 }];
    expect(scenarioCaption(ran, ran)).toBe('Next run: a every 1 s, b every 2 s. The last simulation ran this scenario.');
    expect(scenarioCaption([ran[0]], ran)).toBe('Next run: a every 1 s. The last simulation ran: a every 1 s, b every 2 s (changed since: run again).');
    expect(scenarioCaption([], ran)).toMatch(/^Next run: the simulator's default scenario.*The last simulation ran: a every 1 s, b every 2 s\.$/);
  });
});
