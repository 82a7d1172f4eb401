/**
 * How much work a run does: k-means iterations and sample cap, and the EM recovery (on/off, layers,
 * training rows per epoch). Light settings make quick demos; the preset's values are the careful ones.
 */
import { useApp } from '../../state/appStore';
import type { Plan } from '../../../core/compress/types';

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
  const loadPlan = useApp((s) => s.loadPlan);
  const set = (patch: Partial<Plan>) => loadPlan({ ...plan, ...patch });
  const setRecovery = (patch: Partial<Plan['recovery']>) => set({ recovery: { ...plan.recovery, ...patch } });
  const pq = plan.defaultFormat === 'pq';
  return (
    <details className="effort">
      <summary>Effort: k-means and recovery</summary>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        <div className="fields-2">
          <NumberField id="kmeans-iter" label="k-means iterations" value={plan.kmeans.maxIter} min={1} max={500} disabled={disabled || !pq}
            onChange={(maxIter) => set({ kmeans: { ...plan.kmeans, maxIter } })} />
          <NumberField id="kmeans-samples" label="k-means samples per group" hint="0 = all subvectors" value={plan.kmeansMaxSamples} min={0} max={4_000_000} disabled={disabled || !pq}
            onChange={(kmeansMaxSamples) => set({ kmeansMaxSamples })} />
        </div>
        <label className="row small" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" checked={plan.recovery.enabled} disabled={disabled} onChange={(e) => setRecovery({ enabled: e.target.checked })} />
          Recovery (EM fine-tuning with the codebooks fixed)
        </label>
        <div className="fields-2">
          <NumberField id="recovery-layers" label="Recovery layers per model" value={plan.recovery.maxLayers} min={0} max={20} disabled={disabled || !plan.recovery.enabled}
            onChange={(maxLayers) => setRecovery({ maxLayers })} />
          <NumberField id="recovery-samples" label="Training rows per epoch" hint="0 = all" value={plan.recovery.maxTrainSamples} min={0} max={1_000_000} disabled={disabled || !plan.recovery.enabled}
            onChange={(maxTrainSamples) => setRecovery({ maxTrainSamples })} />
        </div>
        <label className="row small" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" checked={plan.autoPlan} disabled={disabled || !pq} onChange={(e) => set({ autoPlan: e.target.checked })} />
          Auto-plan (keep sensitive layers int8 until every model is within the budget)
        </label>
        <label className="row small" style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
          <input type="checkbox" checked={plan.fineTier} disabled={disabled || !pq} onChange={(e) => set({ fineTier: e.target.checked })} />
          Medium and fine tiers (shared codebooks{plan.groups.medium ? ` d = ${plan.groups.medium.d}, K = ${plan.groups.medium.k} and` : ''}{plan.groups.fine ? ` d = ${plan.groups.fine.d}, K = ${plan.groups.fine.k}` : ''}, that the auto-plan tries before int8)
        </label>
      </div>
    </details>
  );
}
