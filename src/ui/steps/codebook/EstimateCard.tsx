/**
 * The plan's size at a glance, before any run: total bytes, ratio against float32 and bits per weight,
 * per model and in total, from the pipeline's own accounting (core estimatePlan). Marked as an estimate
 * until a full run of this very plan confirms it; then the run's figures stand beside it.
 */
import { useApp } from '../../state/appStore';
import { Stat } from '../../components/Stat';
import { EstimateMark } from '../../components/StaleMark';
import { formatBytes, formatDb, formatRatio } from '../../lib/format';
import { resultStaleReason } from '../../state/stale';
import type { EstimateView } from './useEstimate';

const bpw = (v: number) => `${v.toFixed(2)} b/w`;

export function EstimateCard({ view }: { view: EstimateView }) {
  const result = useApp((s) => s.codebookResult);
  const stale = useApp((s) => resultStaleReason(s));
  const { estimate: e, problem, sqnr } = view;
  const run = result && !stale ? result : null;
  const confirmed = !!(run && e && run.totals.compressedBytes === e.totals.compressedBytes);
  const meanSqnr = (model: string) => {
    if (!sqnr) return null;
    const v = [...sqnr.values()].filter((l) => l.model === model && l.sqnrDb !== null).map((l) => l.sqnrDb!);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  return (
    <section className="card" aria-labelledby="estimate-title" data-testid="estimate-card" data-sqnr={sqnr ? 'current' : 'pending'}>
      <header>
        <h2 id="estimate-title">Size of this plan</h2>
        <EstimateMark confirmed={confirmed} />
        <span className="card-sub">updates as you change d, K, grouping or a layer's format</span>
      </header>
      {!e ? <p className="small muted" style={{ minHeight: 120 }}>{problem}</p> : (
        <>
          <div className="grid grid-4" data-testid="estimate-total" data-ms={view.ms.toFixed(2)} data-bytes={e.totals.compressedBytes}>
            <Stat label="Total (estimate)" value={formatBytes(e.totals.compressedBytes)} testId="estimate-bytes" />
            <Stat label="Smaller than float32" value={formatRatio(e.totals.ratio)} testId="estimate-ratio" />
            <Stat label="Bits per weight" value={bpw(e.bitsPerWeight)} testId="estimate-bpw" />
            <Stat label={`${e.codebooks.length} codebook${e.codebooks.length === 1 ? '' : 's'}`} value={formatBytes(e.totals.codebookBytes)} />
          </div>
          <div className="table-wrap" style={{ marginTop: 10 }}>
            <table className="table" aria-label="Estimated size per model">
              <thead><tr><th>Model</th><th className="num">Float32</th><th className="num" title="the raw bytes of its parameter arrays: the same base size in every view">Base</th><th className="num">Estimate</th><th className="num">Ratio</th><th className="num">Bits/weight</th><th className="num" title="mean SQNR of its compressed layers, from codebooks learned on a subsample">SQNR (est.)</th>{run && <th className="num">Last run</th>}</tr></thead>
              <tbody>
                {e.models.map((m) => {
                  const r = run?.models.find((x) => x.name === m.name);
                  return (
                    <tr key={m.name} data-testid={`estimate-${m.name}`}>
                      <td>{m.name}</td><td className="num">{formatBytes(m.float32Bytes)}</td><td className="num">{formatBytes(m.baseBytes)}</td><td className="num">{formatBytes(m.bytes)}</td>
                      <td className="num">{formatRatio(m.ratio)}</td><td className="num">{m.bitsPerWeight.toFixed(2)}</td>
                      <td className="num">{view.sqnrPending && !sqnr ? '…' : formatDb(meanSqnr(m.name))}</td>
                      {run && <td className="num">{r ? formatBytes(r.compressedBytes) : '—'}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small muted" style={{ margin: '6px 0 0' }}>
            Codebooks: {e.codebooks.map((c) => `${c.name} ${c.d}×${c.k}`).join(', ') || 'none (no PQ layer)'}.
            {run && !confirmed && ` The last run of this plan reported ${formatBytes(run.totals.compressedBytes)}: its allocation chose other formats for some layers (or pruned a codebook).`}
            {view.missing.length > 0 && ` Still reading: ${view.missing.join(', ')}.`}
          </p>
        </>
      )}
    </section>
  );
}
