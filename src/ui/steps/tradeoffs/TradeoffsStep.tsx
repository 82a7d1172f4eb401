/**
 * Step 3: what compression costs, layer by layer and model by model, the method comparison table, and
 * a (d, K) sweep drawn as a Pareto chart (clicking a point loads its configuration).
 */
import { useMemo, useState } from 'react';
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { BytesBarChart } from '../../charts/BytesBarChart';
import { SqnrChart } from '../../charts/SqnrChart';
import { AccuracyBars } from '../../charts/AccuracyBars';
import { ComparisonCard } from './ComparisonCard';
import { SweepCard } from './SweepCard';
import { ModelTable } from './ModelTable';
import { RunHistoryCard } from './RunHistoryCard';

export default function TradeoffsStep() {
  const result = useApp((s) => s.codebookResult);
  const setTab = useApp((s) => s.setTab);
  const [only, setOnly] = useState<string>('');
  const names = result?.models.map((m) => m.name) ?? [];
  // One model at a time keeps the layer axis readable; '*' shows every model.
  const shown = only === '*' ? names : names.includes(only) ? [only] : names.slice(0, 1);

  const layers = useMemo(() => (result?.models ?? []).filter((m) => shown.includes(m.name)).flatMap((m) => m.layers.map((l) => ({
    layer: shown.length > 1 ? `${m.name}/${l.name}` : l.name, beforeBytes: l.float32Bytes, afterBytes: l.bytes, compressed: l.compressed, sqnrDb: l.sqnrDb, sensitivityPp: l.sensitivityPp,
  }))), [result, shown.join()]);
  const accuracy = useMemo(() => (result?.models ?? []).map((m) => ({ model: m.name, before: m.accuracyFloat, after: m.accuracyCompressed })), [result]);

  return (
    <div className="stack">
      <StepIntro title="Trade-offs">
        Bytes against error and accuracy: per layer, per model, per method, and across (d, K).
      </StepIntro>
      {!result && (
        <div className="notice notice-info">
          <span>The charts below fill in from a learned codebook. <button type="button" className="btn btn-sm" onClick={() => setTab('codebook')}>Go to Codebook</button></span>
        </div>
      )}
      {names.length > 0 && (
        <div className="row">
          <label htmlFor="layers-model" className="small">Layers of</label>
          <select id="layers-model" className="select" style={{ width: 'auto' }} value={shown.length > 1 ? '*' : shown[0]} onChange={(e) => setOnly(e.target.value)}>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
            <option value="*">all models</option>
          </select>
        </div>
      )}
      <div className="grid grid-2">
        <section className="card" aria-labelledby="bytes-title">
          <header><h2 id="bytes-title">Bytes per layer</h2><span className="card-sub">float32 vs. compressed, (c) = compressed</span></header>
          {layers.length ? <BytesBarChart data={layers} /> : <Empty title="No per-layer figures yet" minHeight={300}>Learn a codebook first.</Empty>}
        </section>
        <section className="card" aria-labelledby="sqnr-title">
          <header><h2 id="sqnr-title">Error per layer</h2><span className="card-sub">SQNR of stored weights; accuracy drop when quantized alone</span></header>
          {layers.length ? <SqnrChart data={layers} /> : <Empty title="No per-layer figures yet" minHeight={300}>Learn a codebook first.</Empty>}
        </section>
      </div>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="acc-title">
          <header><h2 id="acc-title">Accuracy per model</h2></header>
          {accuracy.length ? <AccuracyBars data={accuracy} /> : <Empty title="No accuracies yet" minHeight={260}>Learn a codebook first.</Empty>}
        </section>
        <section className="card" aria-labelledby="models-title">
          <header><h2 id="models-title">Per model</h2><span className="card-sub">shared codebooks counted once in the total</span></header>
          {result ? <ModelTable result={result} /> : <Empty title="No figures yet" minHeight={260}>Learn a codebook first.</Empty>}
        </section>
      </div>
      <RunHistoryCard />
      <ComparisonCard />
      <SweepCard />
    </div>
  );
}
