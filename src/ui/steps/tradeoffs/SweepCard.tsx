/**
 * The (d, K) sweep on the worker pool: every pair of the grid compressed without recovery, drawn as size
 * against mean accuracy with its Pareto front; clicking a point loads that d and K into the plan.
 */
import { Suspense, lazy, useState } from 'react';
import { useApp } from '../../state/appStore';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice } from '../../components/RunNotice';
import { Empty } from '../../components/Empty';
// lazy: recharts is evaluated in a task of its own, not with the step's first paint
const ParetoChart = lazy(() => import('../../charts/ParetoChart').then((m) => ({ default: m.ParetoChart })));
import type { SweepPoint } from '../../services/types';
import { LIMITS } from '../../state/settings';
import { StaleMark } from '../../components/StaleMark';
import { sweepStale } from '../../state/stale';

/** Parses "4, 8, 16" into distinct integers within [min, max]; null when nothing valid is left. */
export function parseList(text: string, min: number, max: number): number[] | null {
  const v = [...new Set(text.split(/[\s,;]+/).filter(Boolean).map(Number).filter((x) => Number.isInteger(x) && x >= min && x <= max))];
  return v.length ? v.sort((a, b) => a - b) : null;
}

export function SweepCard() {
  const run = useApp((s) => s.sweepRun);
  const points = useApp((s) => s.sweepPoints);
  const grid = useApp((s) => s.sweepGrid);
  const setGrid = useApp((s) => s.setSweepGrid);
  const start = useApp((s) => s.runSweep);
  const cancel = useApp((s) => s.cancelSweep);
  const load = useApp((s) => s.loadSweepPoint);
  const compareRunning = useApp((s) => s.compareRun.status === 'running');
  const [ds, setDs] = useState(grid.ds.join(', '));
  const [ks, setKs] = useState(grid.ks.join(', '));
  const [loaded, setLoaded] = useState<{ p: SweepPoint; changed: string[] } | null>(null);
  const stale = useApp((s) => sweepStale(s));
  const running = run.status === 'running';
  const commit = () => {
    const d = parseList(ds, LIMITS.d.min, LIMITS.d.max) ?? grid.ds;
    const k = parseList(ks, LIMITS.k.min, LIMITS.k.max) ?? grid.ks;
    setGrid({ ds: d, ks: k });
    setDs(d.join(', '));
    setKs(k.join(', '));
  };
  return (
    <section className="card" aria-labelledby="sweep-title">
      <header>
        <h2 id="sweep-title">(d, K) sweep</h2>
        <StaleMark reason={stale ? 'computed for another plan' : ''} what="These points" />
        <span className="card-sub">{grid.ds.length * grid.ks.length} configurations on a pool of workers; no recovery, allocation or correction, so each point shows d and K alone</span>
      </header>
      <div className="row" style={{ flexWrap: 'wrap' }}>
        <div className="field" style={{ width: 170 }}>
          <label htmlFor="sweep-ds">Subvector sizes (d)</label>
          <input id="sweep-ds" className="input" value={ds} disabled={running} onChange={(e) => setDs(e.target.value)} onBlur={commit} />
        </div>
        <div className="field" style={{ width: 200 }}>
          <label htmlFor="sweep-ks">Codebook sizes (K)</label>
          <input id="sweep-ks" className="input" value={ks} disabled={running} onChange={(e) => setKs(e.target.value)} onBlur={commit} />
        </div>
        <button type="button" className="btn btn-primary" onClick={() => { commit(); void start(); }} disabled={running || compareRunning}>Run sweep</button>
        <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
      </div>
      <ProgressBar progress={run.progress} label="Sweep progress" idleText={run.status === 'done' ? `Done: ${points.length} points.` : compareRunning ? 'The comparison is using the workers.' : 'Not running.'} />
      <div style={{ minHeight: 40 }}>
        <RunNotice run={run} />
        {loaded && (
          <div className="notice notice-info" role="status" data-testid="sweep-loaded">
            {loaded.changed.length
              ? `Set d = ${loaded.p.d}, K = ${loaded.p.k} in ${loaded.changed.length === 1 ? 'codebook group' : 'codebook groups'} ${loaded.changed.join(', ')}, as the sweep ran this point (every group at one d and K). Learn the codebook again to use it.`
              : `The plan already has d = ${loaded.p.d}, K = ${loaded.p.k} in every group: nothing changed.`}
          </div>
        )}
      </div>
      {points.length ? <Suspense fallback={<div className="reserve-chart" aria-busy="true" />}><ParetoChart points={points} onPick={(p) => setLoaded({ p, changed: load(p) })} /></Suspense>
        : <Empty title="No sweep yet" minHeight={320}>Run a sweep; then click a point to set its d and K in every codebook group, as the sweep ran it.</Empty>}
    </section>
  );
}
