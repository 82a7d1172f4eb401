/** The numbers of the current frame: iteration, inertia, changes, and at the end error and sizes. */
import type { LearnDemo, LearnFrame } from '../../../core/learn/session';
import { formatBytes, formatDb, formatRatio } from '../../lib/format';

export function LearnFigures({ demo, frame }: { demo: LearnDemo; frame: LearnFrame }) {
  const r = frame.recon;
  const compressed = r ? r.indexBytes + r.codebookBytes : null;
  return (
    <dl className="kv learn-figures" data-testid="learn-figures">
      <dt>Subvectors</dt><dd>{demo.n} × d = {demo.layout.d}</dd>
      <dt>Codewords</dt><dd>K = {demo.k}{demo.k < demo.settings.k ? ` (cut from ${demo.settings.k}: only ${demo.n} subvectors)` : ''}</dd>
      <dt>Iteration</dt><dd data-testid="learn-iteration">{frame.iteration}</dd>
      <dt>Inertia (Σ squared error)</dt><dd data-testid="learn-inertia">{frame.inertia === null ? '—' : frame.inertia.toPrecision(5)}</dd>
      <dt>Changed assignments</dt><dd>{frame.changed === null ? '—' : frame.changed}</dd>
      <dt>MSE</dt><dd data-testid="learn-mse">{r ? r.mse.toExponential(3) : '—'}</dd>
      <dt>SQNR</dt><dd data-testid="learn-sqnr">{r ? formatDb(r.sqnrDb) : '—'}</dd>
      <dt>Float32 layer</dt><dd>{formatBytes(demo.kernel.length * 4)}</dd>
      <dt>Indices + codebook</dt><dd>{r ? `${formatBytes(r.indexBytes)} + ${formatBytes(r.codebookBytes)}` : '—'}</dd>
      <dt>Ratio</dt><dd>{r && compressed ? formatRatio(r.float32Bytes / compressed) : '—'}</dd>
    </dl>
  );
}
