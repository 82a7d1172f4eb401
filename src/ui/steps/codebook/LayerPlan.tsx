/**
 * Per-layer formats: each weight layer of the included models with the format the plan gives it (a
 * choice here overrides the plan), where it goes (format, codebook d×K), its estimated bits per weight,
 * bytes and SQNR, and, when the last run is of this plan, the format it ended in and its sensitivity.
 */
import { useApp } from '../../state/appStore';
import type { LayerOverride } from '../../../core/compress/types';
import { formatBytes, formatCount, formatDb } from '../../lib/format';
import { Empty } from '../../components/Empty';
import { resultStaleReason } from '../../state/stale';
import type { EstimateView } from './useEstimate';

/** The choices of a layer's format (what the plan's overrides accept), with their labels. */
export const FORMAT_CHOICES: { value: LayerOverride | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Plan (auto)' },
  { value: 'pq', label: 'PQ (compress)' },
  { value: 'int8', label: 'Keep int8' },
  { value: 'float32', label: 'Keep float32' },
];

/** A layer's format select (the one control for it: Layers table and model view alike). */
export function FormatSelect({ layerKey, disabled }: { layerKey: string; disabled: boolean }) {
  const value = useApp((s) => s.plan.overrides[layerKey] ?? 'auto');
  const setLayerFormat = useApp((s) => s.setLayerFormat);
  return (
    <select className="select select-compact" aria-label={`Format of ${layerKey}`} value={value} disabled={disabled}
      onChange={(e) => setLayerFormat(layerKey, e.target.value === 'auto' ? null : (e.target.value as LayerOverride))}>
      {FORMAT_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
    </select>
  );
}

export function LayerPlan({ disabled, view }: { disabled: boolean; view: EstimateView }) {
  const result = useApp((s) => s.codebookResult);
  const stale = useApp((s) => resultStaleReason(s));
  const rows = view.estimate?.models.flatMap((m) => m.layers) ?? [];
  const ran = result && !stale ? result : null;

  if (rows.length === 0) {
    return <Empty title="No layer list yet">{view.problem || 'Reading the models…'}</Empty>;
  }
  return (
    <div className="table-wrap" style={{ maxHeight: 360 }}>
      <table className="table" aria-label="Layers to compress">
        <thead>
          <tr>
            <th>Model</th><th>Layer</th><th>Kind</th><th className="num">Weights</th><th>Store as</th><th>Goes to (est.)</th>
            <th className="num">Bits/w</th><th className="num">Bytes</th><th className="num">SQNR (est.)</th>
            {ran && <th>Ended in (run)</th>}{ran && <th className="num" title="accuracy drop when only this layer is compressed">Sensitivity</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = `${r.model}/${r.layer}`;
            const q = view.sqnr?.get(key);
            const rl = ran?.models.find((m) => m.name === r.model)?.layers.find((l) => l.name === r.layer);
            return (
              <tr key={key} data-testid={`layer-${key}`}>
                <td>{r.model}</td><td>{r.layer}</td><td>{r.kind}</td><td className="num">{formatCount(r.params)}</td>
                <td><FormatSelect layerKey={key} disabled={disabled} /></td>
                <td>{r.format === 'pq' ? `PQ ${r.group} ${r.d}×${r.k}` : r.format}</td>
                <td className="num">{r.bitsPerWeight.toFixed(2)}</td>
                <td className="num">{formatBytes(r.bytes)}</td>
                <td className="num">{q ? formatDb(q.sqnrDb) : view.sqnrPending ? '…' : '—'}</td>
                {ran && <td>{rl ? (rl.format === 'pq' ? `PQ ${rl.codebook}` : rl.format) : '—'}</td>}
                {ran && <td className="num">{rl?.sensitivityPp != null ? `${rl.sensitivityPp.toFixed(2)} pp` : '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
