/**
 * Step 5: take the work away — the `.yono` bundle, C sources, decoded tfjs models and the report — and
 * re-open a bundle to see what it holds.
 */
import { useState } from 'react';
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice } from '../../components/RunNotice';
import { FileDrop } from '../../components/FileDrop';
import { Empty } from '../../components/Empty';
import type { ExportKind, ExportedFile } from '../../services/types';
import { formatBytes } from '../../lib/format';
import { OpenedBundle } from './OpenedBundle';
import { download } from '../../lib/download';
import { StaleMark } from '../../components/StaleMark';
import { resultStaleReason } from '../../state/stale';

const EXPORTS: { kind: ExportKind | 'report'; label: string; what: string }[] = [
  { kind: 'bundle', label: 'Export bundle', what: 'The .yono file: codebooks, packed indices, kept layers, with checksums; test samples (32 per model, for the runtime\'s self-check) unless you leave them out.' },
  { kind: 'c', label: 'Export C', what: 'A zip of C99 sources: runtime, bundle as const arrays, example main, Makefile.' },
  { kind: 'tfjs', label: 'Export tfjs model', what: 'The decoded models as TensorFlow.js LayersModel files.' },
  { kind: 'report', label: 'Export report', what: 'Every figure the app shows, as JSON or CSV.' },
];

export default function ExportStep() {
  const run = useApp((s) => s.exportRun);
  const kindRunning = useApp((s) => s.exportKind);
  const exportFile = useApp((s) => s.exportFile);
  const importRun = useApp((s) => s.importRun);
  const opened = useApp((s) => s.openedBundle);
  const importBundle = useApp((s) => s.importBundle);
  const [reportFormat, setReportFormat] = useState<'report-json' | 'report-csv'>('report-json');
  const [last, setLast] = useState<ExportedFile | null>(null);
  const [withSamples, setWithSamples] = useState(true);
  const running = run.status === 'running';
  const hasResult = useApp((s) => s.codebookResult !== null);
  const stale = useApp((s) => resultStaleReason(s));
  const int8 = useApp((s) => s.codebookResult?.plan.activations === 'int8');
  const log8 = useApp((s) => s.codebookResult?.models.some((m) => Object.values(m.encodings).some((e) => e.format === 'pq' && e.scaleCodes)) ?? false);

  const go = async (kind: ExportKind) => {
    const f = await exportFile(kind, { withSamples });
    if (f) { download(f); setLast(f); }
  };

  return (
    <div className="stack">
      <StepIntro title="Export">Take the compressed models away: for a microcontroller, for TensorFlow.js, or as figures.</StepIntro>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="exports-title">
          <header><h2 id="exports-title">Exports</h2><StaleMark reason={stale} what="The learned codebooks these exports hold" /></header>
          <div className="stack-sm">
            {!hasResult && <div className="notice notice-info">Learn a codebook first (Codebook step): the exports are made from its result.</div>}
            {int8 && <p className="small muted" data-testid="float-form" style={{ margin: 0 }}>This result was measured with int8 activations; the bundle and the C sources hold its float form (float16 codebooks and biases, the float runtime) until int8 bundles land, so their sizes are the "file" figures in Trade-offs and their accuracy can differ slightly from the int8 figures.</p>}
            {!int8 && log8 && <p className="small muted" data-testid="float-form" style={{ margin: 0 }}>This result codes its unit scales in one byte each (log8); the bundle and the C sources store them as float16 values, so their sizes are the "file" figures in Trade-offs.</p>}
            {EXPORTS.map((e) => (
              <div key={e.kind} className="row export-row">
                <button type="button" className="btn btn-primary" style={{ width: 170 }} disabled={running || !hasResult}
                  onClick={() => void go(e.kind === 'report' ? reportFormat : e.kind)}>{e.label}</button>
                {e.kind === 'bundle' && (
                  <label className="row small" style={{ gap: 4 }}>
                    <input type="checkbox" checked={withSamples} onChange={(ev) => setWithSamples(ev.target.checked)} />
                    with test samples
                  </label>
                )}
                {e.kind === 'report' && (
                  <select className="select" aria-label="Report format" value={reportFormat} onChange={(ev) => setReportFormat(ev.target.value as 'report-json' | 'report-csv')}>
                    <option value="report-json">JSON</option>
                    <option value="report-csv">CSV</option>
                  </select>
                )}
                <span className="small muted" style={{ flex: 1, minWidth: 200 }}>{e.what}</span>
              </div>
            ))}
            <ProgressBar progress={run.progress} label="Export progress" idleText={last ? `Saved ${last.fileName} (${formatBytes(last.bytes.length)}).` : kindRunning && run.status !== 'idle' ? '' : 'Nothing exported yet.'} />
            <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
          </div>
        </section>
        <section className="card" aria-labelledby="open-title">
          <header><h2 id="open-title">Open a bundle</h2></header>
          <div className="stack-sm">
            <FileDrop label="Import bundle" accept=".yono" multiple={false} disabled={importRun.status === 'running'} onFiles={(f) => void importBundle(f[0])}>
              <p className="small muted">Drop a <code>.yono</code> file to see what it holds.</p>
            </FileDrop>
            <div style={{ minHeight: 40 }}><RunNotice run={importRun} /></div>
            {opened ? <OpenedBundle summary={opened} /> : <Empty title="No bundle opened" minHeight={120} />}
          </div>
        </section>
      </div>
    </div>
  );
}
