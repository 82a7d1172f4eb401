/** What a re-opened `.yono` bundle holds: preset, models (layers, bytes, samples, accuracy), codebooks. */
import type { BundleSummary } from '../../services/types';
import { formatBytes, formatPct } from '../../lib/format';
import { bundleFileSize, bundleModelSize } from '../../core';
import { SizeBreakdown } from '../../components/SizeBreakdown';

export function OpenedBundle({ summary: b }: { summary: BundleSummary }) {
  return (
    <div className="stack-sm" data-testid="opened-bundle">
      <div className="row">
        <strong>{b.fileName}</strong>
        <span className="small muted">{formatBytes(b.fileBytes)} · format v{b.version} · preset {b.preset} · {b.sections.length} sections, checksums verified</span>
      </div>
      <SizeBreakdown size={bundleFileSize(b)} testId="bundle-size" totalLabel="file" />
      <div className="table-wrap">
        <table className="table" aria-label="Bundle contents">
          <thead><tr><th>Model</th><th>Input</th><th className="num">Layers</th><th className="num" title="the raw bytes of its parameter arrays: the same base size as in Trade-offs and the C README">Base</th><th className="num">Float32</th><th className="num">Test samples</th><th className="num">Accuracy</th></tr></thead>
          <tbody>
            {b.models.map((m) => (
              <tr key={m.name}>
                <td>{m.name}</td><td className="mono">[{m.inputShape.join(', ')}]</td><td className="num">{m.layers.length}</td>
                <td className="num" data-testid={`bundle-base-${m.name}`} data-bytes={m.weightBytes}>{formatBytes(m.weightBytes)}</td><td className="num">{formatBytes(m.float32Bytes)}</td>
                <td className="num">{m.samples ? `${m.samples} (${formatBytes(bundleModelSize(b, m.name).adds[0].bytes)})` : 'none'}</td><td className="num">{formatPct(m.accuracyCompressed, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.codebooks.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Bundle codebooks">
            <thead><tr><th>Codebook</th><th className="num">K × d</th><th className="num">Bytes</th><th className="num">Layers</th></tr></thead>
            <tbody>{b.codebooks.map((c) => <tr key={c.name}><td>{c.name}</td><td className="num">{c.k} × {c.d}</td><td className="num">{formatBytes(c.bytes)}</td><td className="num">{c.layers}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
