/** One built-in task: modality, figures of its model, a sample preview, and whether it takes part. */
import { useEffect } from 'react';
import type { BuiltinTask } from '../../services/types';
import { useApp } from '../../state/appStore';
import { SamplePreview } from '../../components/SamplePreview';
import { formatBytes, formatCount, formatPct } from '../../lib/format';

const MODALITY: Record<string, string> = { image: 'Image', audio: 'Audio', sensor: 'Sensor' };

export function TaskCard({ task }: { task: BuiltinTask }) {
  const preview = useApp((s) => s.previews[task.name]);
  const loadPreview = useApp((s) => s.loadPreview);
  const included = useApp((s) => !s.excluded.includes(task.name));
  const setIncluded = useApp((s) => s.setIncluded);
  useEffect(() => { void loadPreview(task.name); }, [loadPreview, task.name]);

  return (
    <article className="card task-card" aria-label={`Task ${task.name}`} data-testid={`task-${task.name}`}>
      <header>
        <h3>{task.name}</h3>
        {task.synthetic && <span className="badge badge-warn" title="Generated data, not recorded">synthetic</span>}
        <span className="badge badge-accent">{MODALITY[task.modality] ?? task.modality}</span>
      </header>
      <div className="task-preview">
        {preview?.preview ? <SamplePreview preview={preview.preview} /> : (
          <div className="preview-placeholder small muted">
            {preview?.status === 'loading' || !preview ? 'Loading sample…' : preview.status === 'error' ? 'Sample unreadable' : 'No sample data'}
          </div>
        )}
      </div>
      <dl className="kv">
        <dt>Samples</dt><dd>{formatCount(task.samples)}</dd>
        <dt>Classes</dt><dd>{task.classes ? task.classes.length : '—'}</dd>
        <dt>Parameters</dt><dd>{formatCount(task.params)}</dd>
        <dt>MACs</dt><dd>{formatCount(task.macs, true)}</dd>
        <dt>Float32</dt><dd>{formatBytes(task.float32Bytes)}</dd>
        <dt>Test accuracy</dt><dd>{formatPct(task.accuracy)}</dd>
      </dl>
      {task.params === null && <p className="small muted">Model not trained yet (<code>npm run pretrain</code>).</p>}
      {task.description && <p className="small muted clamp-3" title={task.description}>{task.description}</p>}
      <label className="row small" style={{ marginTop: 'auto' }}>
        <input type="checkbox" checked={included} onChange={(e) => setIncluded(task.name, e.target.checked)} />
        Include in compression
      </label>
    </article>
  );
}
