/**
 * Developer page (`/?gallery`): every chart component with made-up data of the right shape, to check
 * looks and interactions (tooltips, timeline zoom/pan/hover) before the core feeds real results.
 */
import { useMemo, useState } from 'react';
import { Timeline } from '../charts/Timeline';
import { LayerBars } from '../charts/LayerBars';
import { layerBarScales } from '../charts/layerBars';
import { AccuracyBars } from '../charts/AccuracyBars';
import { ParetoChart } from '../charts/ParetoChart';
import type { ParetoPoint } from '../charts/ParetoChart';
import { sampleAccuracy, sampleLanes, sampleLayers, samplePareto, samplePreviews } from './sampleData';
import { SamplePreview } from '../components/SamplePreview';

export default function Gallery() {
  const [requests, setRequests] = useState(40);
  const lanes = useMemo(() => sampleLanes(requests), [requests]);
  const [picked, setPicked] = useState<ParetoPoint | null>(null);
  const previews = useMemo(() => samplePreviews(), []);
  return (
    <div className="app stack">
      <header className="app-header"><h1>Chart gallery</h1><span className="badge badge-warn">made-up sample data, not results</span></header>
      <section className="card stack-sm" aria-label="Timeline sample">
        <div className="row">
          <label className="row small" htmlFor="g-requests">Requests
            <select id="g-requests" className="select" value={requests} onChange={(e) => setRequests(Number(e.target.value))}>
              {[8, 40, 1000, 10000].map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        </div>
        <Timeline lanes={lanes} title="Sample timeline" />
      </section>
      <section className="card row" aria-label="Sample previews" style={{ gap: 32 }}>
        {previews.map((p) => <SamplePreview key={p.kind} preview={p} />)}
      </section>
      <div className="grid grid-2">
        <section className="card" aria-label="Layers sample"><LayerBars model="sample" rows={sampleLayers} scales={layerBarScales([sampleLayers])} /></section>
        <section className="card" aria-label="Accuracy sample"><AccuracyBars data={sampleAccuracy} /></section>
        <section className="card" aria-label="Pareto sample">
          <ParetoChart points={samplePareto} onPick={setPicked} />
          <p className="small" data-testid="pareto-picked">{picked ? `picked d = ${picked.d}, K = ${picked.k}` : 'click a point'}</p>
        </section>
      </div>
    </div>
  );
}
