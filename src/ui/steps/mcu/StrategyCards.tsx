/**
 * One card per strategy (external storage, internal flash, YONO) with the simulator's figures: flash,
 * SRAM, mean and p95 request latency, ms per inference per model, total energy, switch cost, and whether
 * it fits and keeps up (where its last request ends against the scenario's length), under the verdicts in
 * plain words: YONO against every other strategy on mean request latency, total energy and keeping up.
 * Only figures the report holds.
 */
import { Fragment } from 'react';
import type { MemoryMap } from '../../../core/mcu/scenario/types';
import type { SimulationSummary, StrategySummary } from '../../services/types';
import { formatBytes } from '../../lib/format';
import { STRATEGY_LABEL } from './labels';
import { keepsUpText, nothingSwitches, verdicts } from './verdicts';

const fmtMs = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? (v < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(v < 10 ? 2 : 1)} ms`) : '—');
const fmtMj = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? (v < 1 ? `${(v * 1000).toFixed(0)} µJ` : `${v.toLocaleString('en-US', { maximumFractionDigits: v < 100 ? 2 : 0 })} mJ`) : '—');

function Card({ s, mem, still, scenarioUs }: { s: StrategySummary; mem: MemoryMap | undefined; still: boolean; scenarioUs: number | undefined }) {
  const keeps = keepsUpText(s, scenarioUs);
  const badge = !s.fits ? ['badge-danger', 'does not fit'] : s.keepsUp === false ? ['badge-warn', 'falls behind'] : s.keepsUp ? ['badge-ok', 'fits, keeps up'] : ['badge-ok', 'fits'];
  return (
    <section className="card strategy-card" data-testid={`strategy-${s.name}`} aria-label={STRATEGY_LABEL[s.name] ?? s.name}
      data-mean-ms={s.latencyMs?.mean ?? ''} data-p95-ms={s.latencyMs?.p95 ?? ''} data-energy-mj={s.energyMj.total}>
      <header><h3>{STRATEGY_LABEL[s.name] ?? s.name}</h3><span className={`badge ${badge[0]}`}>{badge[1]}</span></header>
      <dl className="kv">
        <dt>Flash</dt><dd data-testid="flash">{mem ? `${formatBytes(mem.flash.used)} / ${formatBytes(mem.flash.capacity)}` : '—'}</dd>
        <dt>SRAM</dt><dd data-testid="sram">{mem ? `${formatBytes(mem.sram.used)} / ${formatBytes(mem.sram.capacity)}` : '—'}</dd>
        {mem && mem.sdBytes > 0 && <><dt>SD card</dt><dd>{formatBytes(mem.sdBytes)}</dd></>}
        <dt>Mean latency</dt><dd data-testid="mean-latency">{fmtMs(s.latencyMs?.mean)}</dd>
        <dt>p95 latency</dt><dd data-testid="p95-latency">{fmtMs(s.latencyMs?.p95)}</dd>
        <dt>Total energy</dt><dd data-testid="energy">{s.fits ? fmtMj(s.energyMj.total) : '—'}</dd>
        <dt>Switch cost</dt>
        <dd data-testid="switch-cost">{!s.fits ? '—' : still ? 'nothing switches' : `${fmtMs(s.meanSwitchMs)} · ${fmtMj(s.meanSwitchMj)}`}</dd>
        {s.switches !== undefined && s.fits && <><dt>Switches</dt><dd>{s.switches}</dd></>}
        {keeps && <><dt>Keeps up</dt><dd data-testid="keeps-up" data-timeline-us={s.timelineUs} style={s.keepsUp ? undefined : { color: 'var(--danger)' }}>{keeps}</dd></>}
      </dl>
      <div className="small muted" style={{ marginTop: 6 }}>ms per inference</div>
      <dl className="kv" data-testid="inference">
        {Object.entries(s.inferenceMs).map(([m, v]: [string, number]) => <Fragment key={m}><dt>{m}</dt><dd>{fmtMs(v)}</dd></Fragment>)}
      </dl>
      {s.message && <p className="small" style={{ color: 'var(--danger)', margin: '6px 0 0' }}>{s.message}</p>}
    </section>
  );
}

export function StrategyCards({ report }: { report: SimulationSummary }) {
  const maps = report.memoryMaps[report.device] ?? [];
  const still = nothingSwitches(report);
  const v = verdicts(report);
  return (
    <div className="stack-sm">
      <ul className="verdicts" data-testid="verdicts" aria-label="What the simulation says">
        {v.map((x, i) => <li key={i} className={`verdict verdict-${x.tone}`}>{x.text}</li>)}
      </ul>
      <div className="strategy-cards" data-testid="strategy-cards">
        {report.strategies.map((s) => <Card key={s.name} s={s} mem={maps.find((m) => m.strategy === s.name)} still={still} scenarioUs={report.scenarioUs} />)}
      </div>
    </div>
  );
}
