/**
 * How much work a run does: k-means iterations and sample cap, and the EM recovery (on/off, layers,
 * training rows per epoch). Light settings make quick demos; the preset's values are the careful ones.
 * Every field is a setting of the schema (core/settings/schema.ts): its range comes from there.
 */
import { useApp } from '../../state/appStore';
import { rangeOf } from '../../state/settings';

function NumberField({ id, label, hint, value, min, max, disabled, onChange }: {
  id: string; label: string; hint?: string; value: number; min: number; max: number; disabled: boolean; onChange: (v: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" type="number" min={min} max={max} value={value} disabled={disabled}
        onChange={(e) => { const v = e.target.valueAsNumber; if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, Math.round(v)))); }} />
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}

export function EffortControls({ disabled }: { disabled: boolean }) {
  const plan = useApp((s) => s.plan);
  const set = useApp((s) => s.setSetting);
  const pq = plan.defaultFormat === 'pq';
  return (
    <details className="effort">
      <summary>Effort: k-means and recovery</summary>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        <div className="fields-2">
          <NumberField id="kmeans-iter" label="k-means iterations" value={plan.kmeans.maxIter} {...rangeOf('kmeansIter')} disabled={disabled || !pq}
            onChange={(v) => set('kmeansIter', v)} />
          <NumberField id="kmeans-samples" label="k-means samples per group" hint="0 = all subvectors" value={plan.kmeansMaxSamples} {...rangeOf('kmeansSamples')} disabled={disabled || !pq}
            onChange={(v) => set('kmeansSamples', v)} />
        </div>
        <label className="row small" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" checked={plan.recovery.enabled} disabled={disabled} onChange={(e) => set('recovery', e.target.checked)} />
          Recovery (fine-tuning with the codebooks fixed: EM on layers, or the biases after the allocation)
        </label>
        <div className="fields-2">
          <NumberField id="recovery-layers" label="Recovery layers per model" value={plan.recovery.maxLayers} {...rangeOf('recoveryLayers')} disabled={disabled || !plan.recovery.enabled}
            onChange={(v) => set('recoveryLayers', v)} />
          <NumberField id="recovery-samples" label="Training rows per epoch" hint="0 = all" value={plan.recovery.maxTrainSamples} {...rangeOf('trainSamples')} disabled={disabled || !plan.recovery.enabled}
            onChange={(v) => set('trainSamples', v)} />
        </div>
        <label className="row small" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" checked={plan.correction} disabled={disabled || !pq} onChange={(e) => set('correction', e.target.checked)} />
          Per-unit correction after assignment (each layer's output refitted to the float layer's, no bytes)
        </label>
      </div>
    </details>
  );
}
