/**
 * Step 3: what compression costs, layer by layer and model by model, the method comparison table, and
 * a (d, K) sweep drawn as a Pareto chart (clicking a point loads its configuration).
 */
import { useMemo } from 'react';
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice, Unavailable } from '../../components/RunNotice';
import { BytesBarChart } from '../../charts/BytesBarChart';
import { SqnrChart } from '../../charts/SqnrChart';
import { AccuracyBars } from '../../charts/AccuracyBars';
import { ParetoChart } from '../../charts/ParetoChart';
import { PRESETS } from '../../state/settings';
import { formatBytes, formatPct, formatRatio } from '../../lib/format';

export default function TradeoffsStep() {
  const result = useApp((s) => s.codebookResult);
  const sweepRun = useApp((s) => s.sweepRun);
  const points = useApp((s) => s.sweepPoints);
  const grid = useApp((s) => s.sweepGrid);
  const runSweep = useApp((s) => s.runSweep);
  const cancelSweep = useApp((s) => s.cancelSweep);
  const loadPoint = useApp((s) => s.loadSweepPoint);
  const setTab = useApp((s) => s.setTab);

  const layers = useMemo(() => (result?.models ?? []).flatMap((m) => m.layers.map((l) => ({
    layer: `${m.name}/${l.name}`, beforeBytes: l.float32Bytes, afterBytes: l.bytes, compressed: l.compressed, sqnrDb: l.sqnrDb, sensitivityPp: l.sensitivityPp,
  }))), [result]);
  const accuracy = useMemo(() => (result?.models ?? []).map((m) => ({ model: m.name, before: m.accuracyFloat, after: m.accuracyCompressed })), [result]);
  const running = sweepRun.status === 'running';

  return (
    <div className="stack">
      <StepIntro title="Trade-offs">
        Bytes against error and accuracy: per layer, per model, per method, and across (d, K).
      </StepIntro>
      {!result && (
        <div className="notice notice-info">
          <span>The charts below fill in from a learned codebook. <button type="button" className="btn btn-sm" onClick={() => setTab('codebook')}>Go to Codebook</button></span>
        </div>
      )}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="bytes-title">
          <header><h2 id="bytes-title">Bytes per layer</h2><span className="card-sub">float32 vs. compressed, (c) = compressed</span></header>
          {layers.length ? <BytesBarChart data={layers} /> : <Empty title="No per-layer figures yet" minHeight={300}>Learn a codebook first.</Empty>}
        </section>
        <section className="card" aria-labelledby="sqnr-title">
          <header><h2 id="sqnr-title">Error per layer</h2><span className="card-sub">SQNR of stored weights; accuracy drop when quantized alone</span></header>
          {layers.length ? <SqnrChart data={layers} /> : <Empty title="No per-layer figures yet" minHeight={300}>Learn a codebook first.</Empty>}
        </section>
      </div>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="acc-title">
          <header><h2 id="acc-title">Accuracy per model</h2></header>
          {accuracy.length ? <AccuracyBars data={accuracy} /> : <Empty title="No accuracies yet" minHeight={260}>Learn a codebook first.</Empty>}
        </section>
        <section className="card" aria-labelledby="compare-title">
          <header><h2 id="compare-title">Method comparison</h2></header>
          <div className="table-wrap">
            <table className="table" aria-label="Method comparison">
              <thead><tr><th>Method</th><th className="num">Total size</th><th className="num">Ratio vs. float32</th><th className="num">Mean accuracy</th></tr></thead>
              <tbody>
                {PRESETS.map((p) => {
                  const mine = result && result.plan.preset === p.id;
                  const mean = mine ? result.models.reduce((a, m) => a + m.accuracyCompressed, 0) / Math.max(1, result.models.length) : null;
                  return (
                    <tr key={p.id}>
                      <td>{p.label}{mine && <span className="badge badge-accent" style={{ marginLeft: 6 }}>last run</span>}</td>
                      <td className="num">{mine ? formatBytes(result.totals.compressedBytes) : '—'}</td>
                      <td className="num">{mine ? formatRatio(result.totals.ratio) : '—'}</td>
                      <td className="num">{mine ? formatPct(mean) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div style={{ marginTop: 10 }}>
            <Unavailable what="Running every method side by side" needs="the pipeline's comparison run in a worker (issue 4)" />
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="sweep-title">
        <header>
          <h2 id="sweep-title">(d, K) sweep</h2>
          <span className="card-sub">d ∈ {'{'}{grid.ds.join(', ')}{'}'} × K ∈ {'{'}{grid.ks.join(', ')}{'}'} on a pool of workers</span>
        </header>
        <div className="row">
          <button type="button" className="btn btn-primary" onClick={() => void runSweep()} disabled={running}>Run sweep</button>
          <button type="button" className="btn" onClick={cancelSweep} disabled={!running}>Cancel</button>
        </div>
        <ProgressBar progress={sweepRun.progress} label="Sweep progress" idleText={sweepRun.status === 'done' ? 'Done.' : 'Not running.'} />
        <div style={{ minHeight: 40 }}><RunNotice run={sweepRun} /></div>
        {points.length ? <ParetoChart points={points} onPick={loadPoint} /> : <Empty title="No sweep yet" minHeight={320}>Run a sweep; then click a point to load its d and K into the plan.</Empty>}
      </section>
    </div>
  );
}
