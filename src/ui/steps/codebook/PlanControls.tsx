/**
 * The plan editor: preset, grouping rule, Subvector size and Codebook size per group (and, under
 * "Advanced", the allocation's formats, KL threshold and flash target), normalization, seed, arithmetic (int8 or
 * float32 activations) and budget. Every control writes the store; the
 * shareable ones end up in the URL hash.
 */
import { useApp } from '../../state/appStore';
import { GROUPINGS, NORMALIZATIONS, PRESETS, uiGroups } from '../../state/settings';
import type { GroupingId, NormalizationId, PresetId } from '../../state/settings';
import { GroupFields } from './GroupFields';
import { AllocationFormats } from './AllocationFormats';
import { basePreset } from '../../core';

export function PlanControls({ disabled }: { disabled: boolean }) {
  const plan = useApp((s) => s.plan);
  const a = useApp((s) => ({
    setPreset: s.setPreset, setGrouping: s.setGrouping, setGroup: s.setGroup, setSetting: s.setSetting,
    setNormalization: s.setNormalization, setSeed: s.setSeed, setBudget: s.setBudget,
  }));
  const pq = plan.defaultFormat === 'pq';
  return (
    <div className="stack-sm">
      <div className="field">
        <label htmlFor="plan-preset">Preset</label>
        <select id="plan-preset" className="select" value={basePreset(plan.preset)} disabled={disabled} onChange={(e) => a.setPreset(e.target.value as PresetId)}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="plan-grouping">Grouping rule</label>
        <select id="plan-grouping" className="select" value={plan.grouping} disabled={disabled || !pq} onChange={(e) => a.setGrouping(e.target.value as GroupingId)}>
          {GROUPINGS.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
        </select>
      </div>
      {uiGroups(plan.grouping).map((g, i) => (
        <GroupFields key={g.key} id={g.key} label={g.label} value={plan.groups[g.key] ?? plan.groups.default} disabled={disabled || !pq}
          onChange={(patch) => a.setGroup(i, patch)} />
      ))}
      <AllocationFormats plan={plan} disabled={disabled} onChange={a.setSetting} />
      {!pq && <p className="small muted">This preset stores weights as {plan.defaultFormat}: subvector and codebook sizes do not apply.</p>}
      <div className="field">
        <label htmlFor="plan-norm">Normalization</label>
        <select id="plan-norm" className="select" value={plan.normalization} disabled={disabled || !pq} onChange={(e) => a.setNormalization(e.target.value as NormalizationId)}>
          {NORMALIZATIONS.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="plan-activations">Arithmetic</label>
        <select id="plan-activations" className="select" value={plan.activations} disabled={disabled} onChange={(e) => a.setSetting('activations', e.target.value as 'int8' | 'float32')}>
          <option value="int8">int8 activations (what the int8 runtime runs)</option>
          <option value="float32">float32 activations</option>
        </select>
      </div>
      <div className="fields-2">
        <div className="field">
          <label htmlFor="plan-seed">Seed</label>
          <input id="plan-seed" className="input" type="number" min={0} value={plan.seed} disabled={disabled}
            onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) a.setSeed(x); }} />
        </div>
        <div className="field">
          <label htmlFor="plan-budget" title="Accuracy budget: percentage points each model may lose">Budget (pp)</label>
          <input id="plan-budget" className="input" type="number" min={0} max={100} step={0.1} value={plan.budgetPp} disabled={disabled}
            onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) a.setBudget(x); }} />
        </div>
      </div>
    </div>
  );
}
