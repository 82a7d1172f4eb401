/**
 * The last codebook runs (kept with their plans) and any two side by side: per model bytes, ratio and
 * accuracy, the plan settings that differ and the per-layer formats that differ.
 */
import { useApp } from '../../state/appStore';
import type { RunRecord } from '../../state/types';
import { formatDiff } from '../../state/slices/history';
import { formatBytes, formatPct, formatRatio } from '../../lib/format';
import { Empty } from '../../components/Empty';
import { settingsOf } from '../../core';

const when = (ms: number) => new Date(ms).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const meanDrop = (r: RunRecord) => r.models.length ? (100 * r.models.reduce((a, m) => a + m.accuracyFloat - m.accuracyCompressed, 0)) / r.models.length : 0;

/** The plan settings (as links and the CLI name them) whose values differ between two runs. */
function settingDiff(a: RunRecord, b: RunRecord): { key: string; a: string; b: string }[] {
  const sa = settingsOf(a.plan) as Record<string, unknown>;
  const sb = settingsOf(b.plan) as Record<string, unknown>;
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(sa), ...Object.keys(sb)])].filter((k) => show(sa[k]) !== show(sb[k])).map((k) => ({ key: k, a: show(sa[k]), b: show(sb[k]) }));
}

function SideBySide({ a, b }: { a: RunRecord; b: RunRecord }) {
  const names = [...new Set([...a.models, ...b.models].map((m) => m.name))];
  const layers = formatDiff(a, b);
  const settings = settingDiff(a, b);
  const cell = (r: RunRecord, n: string) => r.models.find((m) => m.name === n);
  return (
    <div className="stack-sm" data-testid="history-compare">
      <div className="table-wrap">
        <table className="table" aria-label="Two runs side by side">
          <thead><tr><th>Model</th><th className="num">Bytes A</th><th className="num">Bytes B</th><th className="num">Ratio A</th><th className="num">Ratio B</th><th className="num">Accuracy A</th><th className="num">Accuracy B</th></tr></thead>
          <tbody>
            {names.map((n) => {
              const x = cell(a, n); const y = cell(b, n);
              return (
                <tr key={n}>
                  <td>{n}</td><td className="num">{formatBytes(x?.bytes)}</td><td className="num">{formatBytes(y?.bytes)}</td>
                  <td className="num">{x ? formatRatio(x.float32Bytes / x.bytes) : '—'}</td><td className="num">{y ? formatRatio(y.float32Bytes / y.bytes) : '—'}</td>
                  <td className="num">{formatPct(x?.accuracyCompressed, 2)}</td><td className="num">{formatPct(y?.accuracyCompressed, 2)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot><tr><th>Total</th><th className="num">{formatBytes(a.totals.compressedBytes)}</th><th className="num">{formatBytes(b.totals.compressedBytes)}</th><th className="num">{formatRatio(a.totals.ratio)}</th><th className="num">{formatRatio(b.totals.ratio)}</th><th className="num">drop {meanDrop(a).toFixed(2)} pp</th><th className="num">drop {meanDrop(b).toFixed(2)} pp</th></tr></tfoot>
        </table>
      </div>
      <div className="grid grid-2">
        <div className="table-wrap" style={{ maxHeight: 220 }}>
          <table className="table" aria-label="Plan settings that differ">
            <thead><tr><th>Setting</th><th>A</th><th>B</th></tr></thead>
            <tbody>{settings.length ? settings.map((d) => <tr key={d.key}><td>{d.key}</td><td>{d.a}</td><td>{d.b}</td></tr>) : <tr><td colSpan={3} className="muted">Same plan settings.</td></tr>}</tbody>
          </table>
        </div>
        <div className="table-wrap" style={{ maxHeight: 220 }}>
          <table className="table" aria-label="Layer formats that differ">
            <thead><tr><th>Layer</th><th>A</th><th>B</th></tr></thead>
            <tbody>{layers.length ? layers.map((d) => <tr key={d.key}><td>{d.key}</td><td>{d.a}</td><td>{d.b}</td></tr>) : <tr><td colSpan={3} className="muted">Every layer ended in the same format.</td></tr>}</tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

export function RunHistoryCard() {
  const history = useApp((s) => s.history);
  const [pa, pb] = useApp((s) => s.historyPick);
  const setPick = useApp((s) => s.setHistoryPick);
  const loadPlan = useApp((s) => s.loadPlan);
  const clear = useApp((s) => s.clearHistory);
  // Default: the newest two.
  const idA = pa ?? history[1]?.id ?? null;
  const idB = pb ?? history[0]?.id ?? null;
  const a = history.find((r) => r.id === idA);
  const b = history.find((r) => r.id === idB);
  return (
    <section className="card" aria-labelledby="history-title">
      <header>
        <h2 id="history-title">Run history</h2>
        <span className="card-sub">the last {history.length || ''} codebook runs with their plans; pick A and B to compare</span>
        {history.length > 0 && <button type="button" className="btn btn-sm btn-ghost" onClick={clear}>Clear</button>}
      </header>
      {history.length === 0 ? <Empty title="No runs yet" minHeight={100}>Each codebook run is kept here with its plan.</Empty> : (
        <div className="stack">
          <div className="table-wrap" style={{ maxHeight: 240 }}>
            <table className="table" aria-label="Run history">
              <thead><tr><th>A</th><th>B</th><th>When</th><th>Preset</th><th>Models</th><th className="num">Total</th><th className="num">Ratio</th><th className="num">Mean drop</th><th className="num">Took</th><th /></tr></thead>
              <tbody>
                {history.map((r) => (
                  <tr key={r.id} data-testid={`history-${r.id}`}>
                    <td><input type="radio" name="history-a" aria-label={`Run ${r.id} as A`} checked={r.id === idA} onChange={() => setPick([r.id, idB])} /></td>
                    <td><input type="radio" name="history-b" aria-label={`Run ${r.id} as B`} checked={r.id === idB} onChange={() => setPick([idA, r.id])} /></td>
                    <td>{when(r.at)}</td><td>{r.plan.preset}</td><td>{r.models.map((m) => m.name).join(', ')}</td>
                    <td className="num">{formatBytes(r.totals.compressedBytes)}</td><td className="num">{formatRatio(r.totals.ratio)}</td>
                    <td className="num">{meanDrop(r).toFixed(2)} pp</td><td className="num">{(r.durationMs / 1000).toFixed(0)} s</td>
                    <td><button type="button" className="btn btn-sm" onClick={() => loadPlan(r.plan)}>Load plan</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {a && b && a !== b ? <SideBySide a={a} b={b} /> : <p className="small muted">Pick two different runs as A and B to compare them.</p>}
        </div>
      )}
    </section>
  );
}
