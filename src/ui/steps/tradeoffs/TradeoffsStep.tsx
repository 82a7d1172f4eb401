/**
 * Step 3: what compression costs, layer by layer and model by model, the method comparison table, and
 * a (d, K) sweep drawn as a Pareto chart (clicking a point loads its configuration).
 */
import { memo, useMemo } from 'react';
import { AccuracyBars } from '../../charts/AccuracyBars';
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { LayerBars } from '../../charts/LayerBars';
import { layerBarScales } from '../../charts/layerBars';
import type { LayerBarRow } from '../../charts/layerBars';
import { StaleMark } from '../../components/StaleMark';
import { resultStaleReason } from '../../state/stale';
import { ComparisonCard } from './ComparisonCard';
import { SweepCard } from './SweepCard';
import { ModelTable } from './ModelTable';
import { RunHistoryCard } from './RunHistoryCard';
import { useStages } from '../../components/useStages';

/** What a layer ended in ("PQ spatial", "int8", "float32") and, for PQ, its codebook's d and K. */
function storedAs(l: { format: string; codebook: string | null }, codebooks: { name: string; d: number; k: number }[]): Pick<LayerBarRow, 'format' | 'codebook'> {
  if (l.format !== 'pq') return { format: l.format };
  const c = codebooks.find((x) => x.name === l.codebook);
  return { format: `PQ ${l.codebook ?? ''}`, ...(c ? { codebook: `d ${c.d} · K ${c.k}` } : {}) };
}

// memoised: the staged mount re-renders the step once per stage, the cards only when their props change
const ModelTableM = memo(ModelTable);
const RunHistoryCardM = memo(RunHistoryCard);
const ComparisonCardM = memo(ComparisonCard);
const SweepCardM = memo(SweepCard);

export default function TradeoffsStep() {
  const result = useApp((s) => s.codebookResult);
  const stale = useApp((s) => resultStaleReason(s));
  const setTab = useApp((s) => s.setTab);
  const perModel = useMemo(() => (result?.models ?? []).map((m) => ({
    model: m.name,
    rows: m.layers.map((l): LayerBarRow => ({
      layer: l.name, ...storedAs(l, result?.codebooks ?? []),
      beforeBytes: l.float32Bytes, afterBytes: l.bytes, sqnrDb: l.sqnrDb, sensitivityPp: l.sensitivityPp,
    })),
  })), [result]);
  const scales = useMemo(() => layerBarScales(perModel.map((m) => m.rows)), [perModel]);
  // one card (or one model's small multiple) per task: the step's first paint is not one long task
  const stage = useStages(perModel.length + 4);
  const accuracy = useMemo(() => (result?.models ?? []).map((m) => ({ model: m.name, before: m.accuracyFloat, after: m.accuracyCompressed })), [result]);

  return (
    <div className="stack">
      <StepIntro title="Trade-offs">
        Bytes against error and accuracy: per layer, per model, per method, and across (d, K).
      </StepIntro>
      {!result && (
        <div className="notice notice-info">
          <span>The figures below fill in from a learned codebook. <button type="button" className="btn btn-sm" onClick={() => setTab('codebook')}>Go to Codebook</button></span>
        </div>
      )}
      <section className="card" aria-labelledby="layers-title">
        <header>
          <h2 id="layers-title">Per layer, per model</h2>
          <StaleMark reason={stale} what="These figures" />
          <span className="card-sub">what each layer ended in, its bytes (float32 grey, stored blue; same scale for every model), SQNR and the accuracy drop when compressed alone</span>
        </header>
        {perModel.length ? (
          <div className="layer-multiples">{perModel.map((m, i) => (stage > i ? <LayerBars key={m.model} model={m.model} rows={m.rows} scales={scales} /> : <div key={m.model} className="layer-bars-pending" style={{ minHeight: 40 + 30 * m.rows.length }} aria-busy="true" />))}</div>
        ) : <Empty title="No per-layer figures yet" minHeight={200}>Learn a codebook first.</Empty>}
      </section>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="acc-title">
          <header><h2 id="acc-title">Accuracy per model</h2><StaleMark reason={stale} /></header>
          {accuracy.length ? (stage > perModel.length ? <AccuracyBars data={accuracy} /> : <div style={{ height: 260 }} aria-busy="true" />) : <Empty title="No accuracies yet" minHeight={260}>Learn a codebook first.</Empty>}
        </section>
        <section className="card" aria-labelledby="models-title">
          <header><h2 id="models-title">Per model</h2><StaleMark reason={stale} /><span className="card-sub">shared codebooks counted once in the total</span></header>
          {result ? (stage > perModel.length ? <ModelTableM result={result} /> : <div style={{ minHeight: 260 }} aria-busy="true" />) : <Empty title="No figures yet" minHeight={260}>Learn a codebook first.</Empty>}
        </section>
      </div>
      {stage > perModel.length + 1 && <RunHistoryCardM />}
      {stage > perModel.length + 2 && <ComparisonCardM />}
      {stage > perModel.length + 3 && <SweepCardM />}
    </div>
  );
}
