/** Per-layer table of a model in the style of ST Edge AI's analyze report: shape, params, MACs, bytes. */
import { useMemo } from 'react';
import type { ModelIR } from '../../../core/models/ir';
import { formatBytes, formatCount } from '../../lib/format';
import { layerStats } from '../../core';

export function LayerTable({ ir }: { ir: ModelIR }) {
  const rows = useMemo(() => layerStats(ir), [ir]);
  const total = rows.reduce((a, r) => ({ params: a.params + r.params, macs: a.macs + r.macs, bytes: a.bytes + r.float32Bytes }), { params: 0, macs: 0, bytes: 0 });
  return (
    <div className="table-wrap" style={{ maxHeight: 320 }}>
      <table className="table" aria-label={`Layers of ${ir.name}`}>
        <thead>
          <tr><th>Layer</th><th>Kind</th><th>Output shape</th><th className="num">Params</th><th className="num">MACs</th><th className="num">Float32</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td><td>{r.kind}</td><td className="mono">[{r.outputShape.join(', ')}]</td>
              <td className="num">{formatCount(r.params)}</td><td className="num">{formatCount(r.macs)}</td><td className="num">{formatBytes(r.float32Bytes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th colSpan={3}>Total</th><th className="num">{formatCount(total.params)}</th><th className="num">{formatCount(total.macs)}</th><th className="num">{formatBytes(total.bytes)}</th></tr>
        </tfoot>
      </table>
    </div>
  );
}
