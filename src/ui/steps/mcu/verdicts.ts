/**
 * What the simulation says in plain sentences: where YONO is slower or costs more than another
 * strategy, whether anything switches, what does not fit or keep up. Every figure is the simulator's
 * (SimulationSummary); nothing is computed here but comparisons. Pure.
 */
import type { SimulationSummary, StrategySummary } from '../../services/types';
import { SHORT_LABEL } from './labels';

export interface Verdict { tone: 'good' | 'bad' | 'neutral'; text: string }

const ms = (v: number) => (v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`);
const mj = (v: number) => `${v.toLocaleString('en-US', { maximumFractionDigits: v < 10 ? 2 : 0 })} mJ`;
const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '');

/**
 * Whether a strategy keeps up, in words: where its last request ends against the scenario's length
 * ("ends at 110.3 s of a 60 s scenario"); null when the report does not hold both figures.
 */
export function keepsUpText(s: StrategySummary, scenarioUs: number | undefined): string | null {
  if (!s.fits || s.timelineUs === undefined || !scenarioUs) return null;
  return `${s.keepsUp ? 'yes' : 'no'}: last request ends at ${(s.timelineUs / 1e6).toFixed(1)} s of a ${(scenarioUs / 1e6).toFixed(0)} s scenario`;
}

/** True when no strategy ever changes model after the first request (a single task, or one model only). */
export function nothingSwitches(r: SimulationSummary): boolean {
  const fitting = r.strategies.filter((s) => s.fits && s.switches !== undefined);
  return fitting.length > 0 && fitting.every((s) => (s.switches ?? 0) <= 1);
}

/** The sentences, YONO against each other strategy that fits. */
export function verdicts(r: SimulationSummary): Verdict[] {
  const out: Verdict[] = [];
  const yono = r.strategies.find((s) => s.name === 'yono');
  const name = (s: StrategySummary) => SHORT_LABEL[s.name] ?? s.name;
  for (const s of r.strategies) if (!s.fits) out.push({ tone: s.name === 'yono' ? 'bad' : 'neutral', text: `${name(s)} does not fit on ${r.deviceName}${s.message ? `: ${s.message}` : '.'}` });
  if (nothingSwitches(r)) out.push({ tone: 'neutral', text: 'Nothing switches in this scenario (one model only): after the first load every strategy keeps its model, so YONO\'s switching gains nothing here.' });
  if (!yono || !yono.fits || !yono.latencyMs) return out;
  const others = r.strategies.filter((s) => s.name !== 'yono' && s.fits && s.latencyMs);
  if (r.strategies.every((s) => s.name === 'yono' || !s.fits)) out.push({ tone: 'good', text: `YONO is the only strategy that fits on ${r.deviceName}.` });
  for (const o of others) {
    const a = yono.latencyMs.mean; const b = o.latencyMs!.mean;
    out.push(a > b
      ? { tone: 'bad', text: `YONO is slower than ${name(o)}: mean request latency ${ms(a)} against ${ms(b)} (${times(a, b)} as long).` }
      : { tone: 'good', text: `YONO answers faster than ${name(o)}: mean request latency ${ms(a)} against ${ms(b)}.` });
    const ea = yono.energyMj.total; const eb = o.energyMj.total;
    out.push(ea > eb
      ? { tone: 'bad', text: `YONO costs more energy than ${name(o)}: ${mj(ea)} against ${mj(eb)} over the scenario.` }
      : { tone: 'good', text: `YONO uses less energy than ${name(o)}: ${mj(ea)} against ${mj(eb)} over the scenario.` });
  }
  for (const s of r.strategies) {
    if (!s.fits || s.keepsUp !== false || s.timelineUs === undefined || !r.scenarioUs) continue;
    const others = r.strategies.filter((o) => o !== s && o.keepsUp).map(name);
    out.push({
      tone: s.name === 'yono' ? 'bad' : 'neutral',
      text: `${name(s)} does not keep up: its last request completes at ${(s.timelineUs / 1e6).toFixed(1)} s of a ${(r.scenarioUs / 1e6).toFixed(0)} s scenario${others.length ? ` (${others.join(' and ')} ${others.length > 1 ? 'keep' : 'keeps'} up)` : ''}.`,
    });
  }
  const fitting = r.strategies.filter((s) => s.fits && s.keepsUp !== undefined && s.timelineUs !== undefined);
  if (r.scenarioUs && fitting.length > 1 && fitting.every((s) => s.keepsUp)) {
    const last = Math.max(...fitting.map((s) => s.timelineUs!));
    out.push({ tone: 'neutral', text: `Every strategy keeps up with the ${(r.scenarioUs / 1e6).toFixed(0)} s scenario: the last request of each ends by ${(last / 1e6).toFixed(1)} s.` });
  }
  if (yono.keepsUp && others.some((o) => o.keepsUp === false)) out.push({ tone: 'good', text: `YONO keeps up with the scenario where ${others.filter((o) => o.keepsUp === false).map(name).join(' and ')} ${others.filter((o) => o.keepsUp === false).length > 1 ? 'do' : 'does'} not.` });
  return out;
}
