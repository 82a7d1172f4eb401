/**
 * Import your own model: `model.json` + its `.bin` weight shards (as tfjs `model.save` or the converter
 * writes them) or a `.tflite` file,
 * optional `x.npy` / `y.npy` evaluation data; by picker or drag-and-drop. Problems show inline.
 */
import { useApp } from '../../state/appStore';
import { FileDrop } from '../../components/FileDrop';
import { LayerTable } from './LayerTable';
import { formatBytes, formatCount } from '../../lib/format';
import { countParams } from '../../core';

/** The message as a sentence (a final period when it has none). */
const sentence = (m: string | null) => (m && !/[.!?]$/.test(m.trim()) ? `${m.trim()}.` : m);

export function ImportCard() {
  const status = useApp((s) => s.importStatus);
  const importFiles = useApp((s) => s.importFiles);
  const imported = useApp((s) => s.imported);
  const remove = useApp((s) => s.removeImported);
  const excluded = useApp((s) => s.excluded);
  const setIncluded = useApp((s) => s.setIncluded);
  return (
    <section className="card" aria-labelledby="import-title">
      <header>
        <h2 id="import-title">Your models</h2>
        <span className="card-sub">Stay in this browser; nothing is uploaded.</span>
      </header>
      <div className="stack">
        <FileDrop label="Import model" accept=".json,.bin,.npy,.tflite" disabled={status.state === 'importing'} onFiles={(f) => void importFiles(f)}>
          <p className="small muted">Drop <code>model.json</code> with its <code>.bin</code> weight files, or a <code>.tflite</code> file, here (optional data: <code>x.npy</code>, <code>y.npy</code>)</p>
        </FileDrop>
        <div className="import-status" aria-live="polite" style={{ minHeight: 40 }}>
          {status.state === 'importing' && <div className="notice notice-info">Reading the files…</div>}
          {status.state === 'error' && (
            <div className="notice notice-error" role="alert" data-testid="import-error">
              <span><strong>Import failed.</strong> {sentence(status.message)} <em>{status.action}</em></span>
            </div>
          )}
        </div>
        {imported.map((m) => (
          <details key={m.name} className="imported-model" open>
            <summary className="row">
              <strong>{m.name}</strong>
              <span className="small muted">{formatCount(countParams(m.ir))} params · {formatBytes(countParams(m.ir) * 4)} float32 · {m.data ? `${formatCount(m.data.y.length)} samples` : 'no data'}</span>
              <span className="spacer" />
              <label className="row small" onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" checked={!excluded.includes(m.name)} onChange={(e) => setIncluded(m.name, e.target.checked)} />
                Include in compression
              </label>
              <button type="button" className="btn btn-sm" onClick={() => remove(m.name)}>Remove</button>
            </summary>
            <LayerTable ir={m.ir} />
          </details>
        ))}
      </div>
    </section>
  );
}
