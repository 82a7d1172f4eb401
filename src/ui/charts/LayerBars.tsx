/**
 * One model's layers as rows of bars (a small multiple: every model gets one, all on the same scales):
 * format it ended in, bytes float32 → stored, SQNR of the stored weights and the accuracy drop when the
 * layer alone is compressed. Text beside every bar, so nothing needs a hover and no label overlaps.
 */
import { memo } from 'react';
import type { LayerBarRow, LayerBarScales } from './layerBars';
import { barPct } from './layerBars';
import { formatBytes, formatDb } from '../lib/format';

export const LayerBars = memo(function LayerBars({ model, rows, scales }: { model: string; rows: LayerBarRow[]; scales: LayerBarScales }) {
  return (
    <figure className="layer-bars" data-testid={`layer-bars-${model}`} style={{ margin: 0 }}>
      <figcaption><strong>{model}</strong> <span className="small muted">{rows.length} weight layers</span></figcaption>
      <table className="table table-bars" aria-label={`Layers of ${model}`}>
        <thead><tr><th>Layer</th><th>Stored as</th><th>Bytes: float32 → stored</th><th>SQNR</th><th title="accuracy drop when only this layer is compressed">Drop alone</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.layer}>
              <td className="layer-name" title={r.layer}>{r.layer}</td>
              <td title={r.codebook ? `${r.format}, ${r.codebook}` : r.format} data-testid="stored-as">{r.format}{r.codebook && <div className="bar-text">{r.codebook}</div>}</td>
              <td>
                <div className="bar-track" aria-hidden="true">
                  <div className="bar bar-before" style={{ width: `${barPct(r.beforeBytes, scales.maxBytes, true)}%` }} />
                  <div className="bar bar-after" style={{ width: `${barPct(r.afterBytes, scales.maxBytes, true)}%` }} />
                </div>
                <span className="bar-text">{formatBytes(r.beforeBytes)} → {formatBytes(r.afterBytes)}</span>
              </td>
              <td>
                <div className="bar-track" aria-hidden="true"><div className="bar bar-sqnr" style={{ width: `${barPct(r.sqnrDb === 999 ? scales.maxSqnr : r.sqnrDb, scales.maxSqnr)}%` }} /></div>
                <span className="bar-text">{r.sqnrDb === null ? 'float32' : r.sqnrDb >= 999 ? 'exact' : formatDb(r.sqnrDb)}</span>
              </td>
              <td>
                <div className="bar-track" aria-hidden="true"><div className="bar bar-sens" style={{ width: `${barPct(r.sensitivityPp === null ? null : Math.abs(r.sensitivityPp), scales.maxSens)}%` }} /></div>
                <span className="bar-text">{r.sensitivityPp === null ? '—' : `${r.sensitivityPp.toFixed(2)} pp`}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
