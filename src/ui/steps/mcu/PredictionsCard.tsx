/**
 * The virtual MCU's live predictions: test samples run from the bundle's bytes by the runtime in the
 * worker, each input drawn beside the predicted and the true class.
 */
import { useMemo } from 'react';
import type { McuPrediction, SamplePreview as Preview } from '../../services/types';
import { previewOf } from '../../services/builtins';
import { SamplePreview } from '../../components/SamplePreview';
import { Empty } from '../../components/Empty';

const name = (p: McuPrediction, c: number) => p.classNames?.[c] ?? `class ${c}`;

function ModelRow({ p }: { p: McuPrediction }) {
  const size = p.inputShape.reduce((a, b) => a * b, 1);
  const previews = useMemo(() => Array.from({ length: p.predicted.length }, (_, i): Preview | null =>
    previewOf(p.modality, p.inputShape, p.x.subarray(i * size, (i + 1) * size))), [p, size]);
  const right = p.predicted.reduce((a, c, i) => a + (c === p.y[i] ? 1 : 0), 0);
  return (
    <div className="stack-sm" data-testid={`predictions-${p.model}`}>
      <div className="row small">
        <strong>{p.model}</strong>
        <span className="muted">{right} of {p.predicted.length} right · {p.hostUsPerSample < 1000 ? `${p.hostUsPerSample.toFixed(0)} µs` : `${(p.hostUsPerSample / 1000).toFixed(1)} ms`} per sample in this browser</span>
      </div>
      <div className="row" style={{ flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
        {Array.from(p.predicted, (c, i) => {
          const ok = c === p.y[i];
          return (
            <figure key={i} className="prediction" style={{ margin: 0, minWidth: p.modality === 'sensor' ? 150 : 84 }}>
              <div style={{ minHeight: 66, display: 'flex', alignItems: 'center' }}>
                {previews[i] ? <SamplePreview preview={previews[i]} height={60} /> : <span className="small muted">input {i + 1}</span>}
              </div>
              <figcaption className="small">
                <span className={`badge ${ok ? 'badge-ok' : 'badge-danger'}`} title={ok ? 'right' : 'wrong'}>{ok ? '✓' : '✗'} {name(p, c)}</span>
                <div className="muted">true: {name(p, p.y[i])}</div>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}

export function PredictionsCard({ predictions }: { predictions: McuPrediction[] }) {
  return (
    <section className="card" aria-labelledby="live-title">
      <header><h2 id="live-title">Live predictions</h2><span className="card-sub">test samples run from the bundle's bytes on the virtual MCU</span></header>
      {predictions.length === 0 ? <Empty title="No predictions yet" minHeight={120}>Run the simulation: the virtual MCU then classifies test samples of every model.</Empty>
        : <div className="stack">{predictions.map((p) => <ModelRow key={p.model} p={p} />)}</div>}
    </section>
  );
}
