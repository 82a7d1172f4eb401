/**
 * The model view (like Netron): one model's layer graph, each weight layer a box coloured by its format
 * with its codebook, bits per weight, bytes, SQNR and sensitivity; clicking a layer (or Enter on it)
 * opens its details with the format control. Figures are the plan's estimates; the last run's format and
 * sensitivity when that run is of this plan.
 */
import { useMemo, useState } from 'react';
import { useApp } from '../../../state/appStore';
import { resultStaleReason } from '../../../state/stale';
import { formatBytes, formatDb } from '../../../lib/format';
import { FormatSelect } from '../LayerPlan';
import type { EstimateView } from '../useEstimate';
import { formatColor, layoutGraph } from './layout';
import { isWeightLayer } from '../../../core';

const LEGEND: [string, string | null, string][] = [
  ['pq', 'spatial', 'PQ 3×3 codebook'], ['pq', 'coarse-spatial', 'PQ coarse 3×3'], ['pq', 'pointwise', 'PQ 1×1/dense'],
  ['pq', 'coarse-pointwise', 'PQ coarse 1×1/dense'], ['pq', 'fine', 'PQ fine'], ['int8', null, 'int8'], ['float32', null, 'float32'],
];

export function ModelGraph({ view, disabled }: { view: EstimateView; disabled: boolean }) {
  const shapes = useApp((s) => s.shapes);
  const result = useApp((s) => s.codebookResult);
  const stale = useApp((s) => resultStaleReason(s));
  const models = view.estimate?.models.map((m) => m.name) ?? [];
  const [pick, setPick] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const model = models.includes(pick) ? pick : models[0] ?? '';
  const ir = shapes[model]?.ir;
  const est = view.estimate?.models.find((m) => m.name === model);
  const ran = result && !stale ? result.models.find((m) => m.name === model) : undefined;
  const g = useMemo(() => (ir ? layoutGraph(ir.layers.map((l) => ({ name: l.name, inputs: l.inputs, weight: isWeightLayer(l) }))) : null), [ir]);
  if (!ir || !g || !est) return <p className="small muted">{view.problem || 'Reading the models…'}</p>;
  const layerOf = new Map(ir.layers.map((l) => [l.name, l]));
  const sel = selected && est.layers.find((l) => l.layer === selected);
  const selRun = sel ? ran?.layers.find((l) => l.name === sel.layer) : undefined;
  return (
    <div className="stack-sm">
      <div className="row">
        <label htmlFor="graph-model" className="small">Model</label>
        <select id="graph-model" className="select" style={{ width: 'auto' }} value={model} onChange={(e) => { setPick(e.target.value); setSelected(null); }}>
          {models.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
        <span className="small muted">{formatBytes(est.bytes)} · {est.bitsPerWeight.toFixed(2)} bits per weight (estimate)</span>
      </div>
      <div className="legend" aria-label="Formats">
        {LEGEND.map(([f, gr, label]) => <span key={label}><span className="swatch" style={{ background: formatColor(f, gr) }} />{label}</span>)}
      </div>
      <div className="graph-wrap">
        <div className="graph-scroll">
          <svg width={g.width} height={g.height} role="group" aria-label={`Layer graph of ${model}`} data-testid="model-graph">
            {g.edges.map((e) => <path key={`${e.from}>${e.to}`} d={`M${e.x1},${e.y1} C${e.x1},${e.y1 + 12} ${e.x2},${e.y2 - 12} ${e.x2},${e.y2}`} stroke="#9aa5b5" fill="none" />)}
            {g.nodes.map((n) => {
              const l = est.layers.find((x) => x.layer === n.name);
              const layer = layerOf.get(n.name)!;
              if (!n.weight || !l) {
                return (
                  <g key={n.name} transform={`translate(${n.x},${n.y})`}>
                    <rect width={n.w} height={n.h} rx={13} fill="#f4f6f9" stroke="#d5dae2" />
                    <text x={n.w / 2} y={n.h / 2 + 4} textAnchor="middle" fontSize={11} fill="#5b6675">{layer.kind === 'activation' ? `${layer.activation}` : layer.kind} · {n.name}</text>
                  </g>
                );
              }
              const q = view.sqnr?.get(`${model}/${n.name}`);
              const rl = ran?.layers.find((x) => x.name === n.name);
              const key = `${model}/${n.name}`;
              return (
                <g key={n.name} transform={`translate(${n.x},${n.y})`} className={`graph-node${selected === n.name ? ' selected' : ''}`} role="button" tabIndex={0}
                  aria-label={`${n.name}: ${l.format}${l.group ? ` ${l.group}` : ''}, ${l.bitsPerWeight.toFixed(2)} bits per weight. Edit its format.`}
                  data-testid={`graph-${key}`} data-format={l.format} data-group={l.group ?? ''}
                  onClick={() => setSelected(n.name)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setSelected(n.name); } }}>
                  <rect width={n.w} height={n.h} rx={6} fill={formatColor(l.format, l.group)} stroke={selected === n.name ? '#2f5fd0' : '#8a94a3'} strokeWidth={selected === n.name ? 2 : 1} />
                  <text x={8} y={16} fontSize={12} fontWeight={600} fill="#1c2430">{n.name} <tspan fontWeight={400} fill="#3c4654">{layer.kind} [{'kernel' in layer ? layer.kernel.shape.join('×') : ''}]</tspan></text>
                  <text x={8} y={34} fontSize={11} fill="#1c2430">{l.format === 'pq' ? `PQ ${l.group} ${l.d}×${l.k}` : l.format} · {l.bitsPerWeight.toFixed(2)} b/w · {formatBytes(l.bytes)}</text>
                  <text x={8} y={52} fontSize={11} fill="#3c4654">SQNR {q ? formatDb(q.sqnrDb) : '…'}{rl ? ` · drop ${rl.sensitivityPp === null ? '—' : `${rl.sensitivityPp.toFixed(2)} pp`}` : ''}{rl && (rl.format !== l.format || rl.codebook !== l.group) ? ` · ran: ${rl.format === 'pq' ? rl.codebook : rl.format}` : ''}</text>
                </g>
              );
            })}
          </svg>
        </div>
        <aside className="graph-detail" aria-label="Selected layer" data-testid="graph-detail">
          {!sel ? <p className="small muted">Click a layer to see its figures and change its format.</p> : (
            <div className="stack-sm">
              <strong>{model}/{sel.layer}</strong>
              <dl className="kv">
                <dt>Kind</dt><dd>{sel.kind}</dd>
                <dt>Weights</dt><dd>{sel.params.toLocaleString('en-US')}</dd>
                <dt>Goes to</dt><dd>{sel.format === 'pq' ? `PQ ${sel.group} (d ${sel.d}, K ${sel.k})` : sel.format}</dd>
                <dt>Bits/weight</dt><dd>{sel.bitsPerWeight.toFixed(2)}</dd>
                <dt>Bytes</dt><dd>{formatBytes(sel.bytes)} of {formatBytes(sel.float32Bytes)}</dd>
                <dt>SQNR (est.)</dt><dd>{formatDb(view.sqnr?.get(`${model}/${sel.layer}`)?.sqnrDb)}</dd>
                {selRun && <><dt>Ended in (run)</dt><dd>{selRun.format === 'pq' ? `PQ ${selRun.codebook}` : selRun.format}</dd></>}
                {selRun && <><dt>Sensitivity</dt><dd>{selRun.sensitivityPp === null ? '—' : `${selRun.sensitivityPp.toFixed(2)} pp`}</dd></>}
              </dl>
              <label className="small" htmlFor="graph-format">Format</label>
              <FormatSelect layerKey={`${model}/${sel.layer}`} disabled={disabled} />
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
