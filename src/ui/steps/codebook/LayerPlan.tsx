/**
 * Per-layer include/keep: each weight layer of the models whose layers are known (imported models now;
 * every model once a codebook run has reported them) with a format choice that overrides the plan.
 */
import { useMemo } from 'react';
import { useApp } from '../../state/appStore';
import type { LayerOverride } from '../../../core/compress/types';
import { formatCount } from '../../lib/format';
import { Empty } from '../../components/Empty';
import { isWeightLayer } from '../../core';

interface Row { model: string; layer: string; kind: string; params: number }

export function LayerPlan({ disabled }: { disabled: boolean }) {
  const imported = useApp((s) => s.imported);
  const result = useApp((s) => s.codebookResult);
  const overrides = useApp((s) => s.plan.overrides);
  const setLayerFormat = useApp((s) => s.setLayerFormat);
  const rows = useMemo(() => {
    const out: Row[] = [];
    const seen = new Set<string>();
    for (const m of result?.models ?? []) for (const l of m.layers) { out.push({ model: m.name, layer: l.name, kind: l.kind, params: l.params }); seen.add(m.name); }
    for (const m of imported) {
      if (seen.has(m.name)) continue;
      for (const l of m.ir.layers) if (isWeightLayer(l)) out.push({ model: m.name, layer: l.name, kind: l.kind, params: l.kernel.data.length });
    }
    return out;
  }, [imported, result]);

  if (rows.length === 0) {
    return <Empty title="No layer list yet">The built-in models' layers are listed after their first codebook run; imported models' layers right away.</Empty>;
  }
  return (
    <div className="table-wrap" style={{ maxHeight: 300 }}>
      <table className="table" aria-label="Layers to compress">
        <thead><tr><th>Model</th><th>Layer</th><th>Kind</th><th className="num">Weights</th><th>Store as</th></tr></thead>
        <tbody>
          {rows.map((r) => {
            const key = `${r.model}/${r.layer}`;
            return (
              <tr key={key}>
                <td>{r.model}</td><td>{r.layer}</td><td>{r.kind}</td><td className="num">{formatCount(r.params)}</td>
                <td>
                  <select className="select" aria-label={`Format of ${key}`} value={overrides[key] ?? 'auto'} disabled={disabled}
                    onChange={(e) => setLayerFormat(key, e.target.value === 'auto' ? null : (e.target.value as LayerOverride))}>
                    <option value="auto">Plan (auto)</option>
                    <option value="pq">PQ (compress)</option>
                    <option value="pq-medium">PQ, medium codebook</option>
                    <option value="pq-fine">PQ, fine codebook</option>
                    <option value="int8">Keep int8</option>
                    <option value="float32">Keep float32</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
