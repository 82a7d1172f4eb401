/**
 * Accuracy per model before (float32) and after compression: one row per model, two bars on an axis from
 * a rounded floor to 100 %, the figures written beside them. Plain HTML (no chart library): it paints in
 * a few milliseconds and needs no hover.
 */
import { memo } from 'react';
import { accuracyAxis, accuracyPct } from './accuracyBars';

export interface ModelAccuracy {
  model: string;
  /** [0, 1] */
  before: number;
  /** [0, 1] */
  after: number;
}

export const AccuracyBars = memo(function AccuracyBars({ data, height = 260 }: { data: ModelAccuracy[]; height?: number }) {
  const axis = accuracyAxis(data);
  return (
    <figure className="accuracy-bars" style={{ minHeight: height, margin: 0 }} data-testid="chart-accuracy">
      <figcaption className="row small muted">
        <span>test accuracy (%), axis {axis.lo} to 100</span><span className="spacer" />
        <span><span className="legend-swatch bar-before" /> Float32</span>
        <span><span className="legend-swatch bar-after-swatch" /> Compressed</span>
      </figcaption>
      <table className="table table-bars" aria-label="Test accuracy per model, float32 and compressed">
        <tbody>
          {data.map((d) => (
            <tr key={d.model} data-testid={`accuracy-${d.model}`}>
              <td className="layer-name" title={d.model}>{d.model}</td>
              <td>
                <div className="bar-track" aria-hidden="true"><div className="bar bar-before" style={{ width: `${accuracyPct(d.before, axis)}%` }} /></div>
                <span className="bar-text">{(d.before * 100).toFixed(2)} %</span>
                <div className="bar-track" aria-hidden="true" style={{ marginTop: 4 }}><div className="bar bar-after-solid" style={{ width: `${accuracyPct(d.after, axis)}%` }} /></div>
                <span className="bar-text">{(d.after * 100).toFixed(2)} % ({((d.after - d.before) * 100).toFixed(2)} pp)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});
