/**
 * Per-model figures of the last codebook run: bytes before/after, ratio, accuracies, layers by format; below
 * them the run's small-split warnings (a validation or test split under 1,000 samples).
 */
import type { CodebookResult } from '../../services/types';
import { formatBytes, formatPct, formatRatio } from '../../lib/format';
import { floatBaseBytes, formatTestDrop, modelActivations, reportSize } from '../../core';

export function ModelTable({ result }: { result: CodebookResult }) {
  const t = result.totals;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Per-model figures">
        <thead>
          <tr><th>Model</th><th className="num">Float32</th><th className="num" title="the raw bytes of its parameter arrays: the same base size in every view">Base</th><th className="num" title="the model in the report: its base size + 4-byte alignment, descriptors and the codebooks only it uses">Compressed</th><th className="num">Ratio</th><th className="num" title="test accuracy, float → compressed; below it the drop in percentage points ± its standard error (only the test samples on which the two models disagree carry error, so a drop measured on few samples is uncertain)">Accuracy</th><th className="num" title="layers stored as PQ / int8 / float32">PQ/i8/f32</th></tr>
        </thead>
        <tbody>
          {result.models.map((m) => {
            const n = (f: string) => m.layers.filter((l) => l.format === f).length;
            const size = reportSize(m, result.codebooks);
            return (
              <tr key={m.name}>
                <td>{m.name}</td><td className="num">{formatBytes(m.float32Bytes)}</td>
                <td className="num" data-testid={`base-${m.name}`} data-bytes={size.base} data-file-bytes={floatBaseBytes(m)}>{formatBytes(size.base)}
                  {floatBaseBytes(m) !== size.base && <div className="small muted" title={modelActivations(m) === 'int8' ? 'a .yono file (format 1), its C export and the Virtual MCU hold the float form of this int8 result: float16 biases and codebooks, float32 batch norms' : 'a .yono file, its C export and the Virtual MCU store the log8-coded unit scales as float16 values'}>file {formatBytes(floatBaseBytes(m))}</div>}
                </td>
                <td className="num" title={`base + ${size.adds.map((a) => `${a.label} ${a.bytes} B`).join(' + ')}`}>{formatBytes(m.compressedBytes)}
                  <div className="small muted">base + {formatBytes(size.total - size.base)}</div>
                </td>
                <td className="num">{formatRatio(m.float32Bytes / Math.max(1, m.compressedBytes))}</td>
                <td className="num">
                  {formatPct(m.accuracyFloat, 2)} → {formatPct(m.accuracyCompressed, 2)}
                  <div className="small muted">drop {formatTestDrop(m)} pp</div>
                </td>
                <td className="num">{n('pq')} / {n('int8')} / {n('float32')}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr><th>Total</th><th className="num">{formatBytes(t.float32Bytes)}</th><th className="num">{formatBytes(result.models.reduce((a, m) => a + reportSize(m, result.codebooks).base, 0))}</th><th className="num" data-testid="total-compressed">{formatBytes(t.compressedBytes)}</th><th className="num">{formatRatio(t.ratio)}</th><th colSpan={2} className="small muted">shared codebooks {formatBytes(t.codebookBytes)} counted once</th></tr>
        </tfoot>
      </table>
      {(result.warnings ?? []).map((w) => (
        <p key={`${w.model}/${w.split}`} className="small muted" data-testid="split-warning" role="note">⚠ {w.message}</p>
      ))}
    </div>
  );
}
