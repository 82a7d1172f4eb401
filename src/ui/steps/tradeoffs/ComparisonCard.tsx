/**
 * The method comparison (the paper's table): every preset run through the same pipeline on the pool of
 * workers with the plan's seed, d, K and effort; total size, ratio against float32 and each model's accuracy.
 */
import { useApp } from '../../state/appStore';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice } from '../../components/RunNotice';
import { formatBytes, formatPct, formatRatio } from '../../lib/format';
import { StaleMark } from '../../components/StaleMark';
import { comparisonStale } from '../../state/stale';

export function ComparisonCard() {
  const run = useApp((s) => s.compareRun);
  const comparison = useApp((s) => s.comparison);
  const result = useApp((s) => s.codebookResult);
  const sweepRunning = useApp((s) => s.sweepRun.status === 'running');
  const start = useApp((s) => s.runComparison);
  const cancel = useApp((s) => s.cancelComparison);
  const running = run.status === 'running';
  const stale = useApp((s) => comparisonStale(s));
  const models = comparison?.models ?? [];
  return (
    <section className="card" aria-labelledby="compare-title">
      <header>
        <h2 id="compare-title">Method comparison</h2>
        <StaleMark reason={stale ? 'computed for another plan' : ''} what="These rows" />
        <span className="card-sub">same pipeline, one preset per row, shared seed, d, K and effort</span>
      </header>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={running || sweepRunning}>Compare methods</button>
        <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
      </div>
      <ProgressBar progress={run.progress} label="Comparison progress" idleText={run.status === 'done' ? 'Done.' : sweepRunning ? 'The sweep is using the workers.' : 'Not running.'} />
      <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
      <div className="table-wrap">
        <table className="table" aria-label="Method comparison">
          <thead>
            <tr>
              <th>Method</th><th className="num">Total size</th><th className="num">Ratio vs. float32</th>
              {models.map((m) => <th key={m} className="num">{m}</th>)}
              <th className="num">Mean drop</th>
            </tr>
          </thead>
          <tbody>
            {(comparison?.rows ?? []).map((r) => {
              const drops = Object.values(r.dropPp);
              const mine = result?.plan.preset === r.preset;
              return (
                <tr key={r.preset} data-testid={`compare-${r.preset}`}>
                  <td>{r.label}{mine && <span className="badge badge-accent" style={{ marginLeft: 6 }}>current preset</span>}</td>
                  <td className="num">{formatBytes(r.totalBytes)}</td>
                  <td className="num">{formatRatio(r.ratio)}</td>
                  {models.map((m) => <td key={m} className="num">{formatPct(r.accuracy[m] ?? null, 2)}</td>)}
                  <td className="num">{drops.length ? `${(drops.reduce((a, b) => a + b, 0) / drops.length).toFixed(2)} pp` : '—'}</td>
                </tr>
              );
            })}
            {!comparison && result && (
              <tr>
                <td>{result.plan.preset} <span className="badge badge-accent" style={{ marginLeft: 6 }}>last codebook run</span></td>
                <td className="num">{formatBytes(result.totals.compressedBytes)}</td>
                <td className="num">{formatRatio(result.totals.ratio)}</td>
                <td className="num">{((100 * result.models.reduce((a, m) => a + (m.accuracyFloat - m.accuracyCompressed), 0)) / Math.max(1, result.models.length)).toFixed(2)} pp</td>
              </tr>
            )}
            {!comparison && !result && <tr><td colSpan={4} className="muted">Run the comparison to fill the table.</td></tr>}
          </tbody>
        </table>
      </div>
    </section>
  );
}
