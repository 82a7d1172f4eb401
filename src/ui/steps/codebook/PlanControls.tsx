/**
 * The plan editor: preset, grouping rule, Subvector size and Codebook size per group, normalization,
 * budget and seed. Every control writes the store; the shareable ones end up in the URL hash.
 */
import { useApp } from '../../state/appStore';
import { GROUPINGS, LIMITS, NORMALIZATIONS, PRESETS, planSettingsOf, uiGroups } from '../../state/settings';
import type { GroupingId, NormalizationId, PresetId } from '../../state/settings';

/** Powers of two offered for K (any integer 2..65536 from a link is kept as an extra option). */
export const K_OPTIONS = Array.from({ length: 16 }, (_, i) => 2 ** (i + 1));

export function PlanControls({ disabled }: { disabled: boolean }) {
  const plan = useApp((s) => s.plan);
  const a = useApp((s) => ({ setPreset: s.setPreset, setGrouping: s.setGrouping, setGroup: s.setGroup, setNormalization: s.setNormalization, setSeed: s.setSeed, setBudget: s.setBudget }));
  const settings = planSettingsOf(plan);
  const pq = plan.defaultFormat === 'pq';
  return (
    <div className="stack-sm">
      <div className="field">
        <label htmlFor="plan-preset">Preset</label>
        <select id="plan-preset" className="select" value={settings.preset} disabled={disabled} onChange={(e) => a.setPreset(e.target.value as PresetId)}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="plan-grouping">Grouping rule</label>
        <select id="plan-grouping" className="select" value={plan.grouping} disabled={disabled || !pq} onChange={(e) => a.setGrouping(e.target.value as GroupingId)}>
          {GROUPINGS.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
        </select>
      </div>
      {uiGroups(plan.grouping).map((g, i) => {
        const v = settings.groups[i];
        const kOpts = K_OPTIONS.includes(v.k) ? K_OPTIONS : [...K_OPTIONS, v.k].sort((x, y) => x - y);
        return (
          <fieldset key={g.key} className="group" disabled={disabled || !pq}>
            <legend>{g.label}</legend>
            <div className="fields-2">
              <div className="field">
                <label htmlFor={`d-${g.key}`}>Subvector size</label>
                <input id={`d-${g.key}`} className="input" type="number" min={LIMITS.d.min} max={LIMITS.d.max} value={v.d}
                  onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) a.setGroup(i, { d: x }); }} />
                <span className="hint">weights per index (d)</span>
              </div>
              <div className="field">
                <label htmlFor={`k-${g.key}`}>Codebook size</label>
                <select id={`k-${g.key}`} className="select" value={v.k} onChange={(e) => a.setGroup(i, { k: Number(e.target.value) })}>
                  {kOpts.map((k) => <option key={k} value={k}>{k}</option>)}
                </select>
                <span className="hint">{Math.ceil(Math.log2(v.k))} bits per index (K)</span>
              </div>
            </div>
          </fieldset>
        );
      })}
      {!pq && <p className="small muted">This preset stores weights as {plan.defaultFormat}: subvector and codebook sizes do not apply.</p>}
      <div className="fields-2">
        <div className="field">
          <label htmlFor="plan-norm">Normalization</label>
          <select id="plan-norm" className="select" value={plan.normalization} disabled={disabled || !pq} onChange={(e) => a.setNormalization(e.target.value as NormalizationId)}>
            {NORMALIZATIONS.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-seed">Seed</label>
          <input id="plan-seed" className="input" type="number" min={0} value={plan.seed} disabled={disabled}
            onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) a.setSeed(x); }} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="plan-budget">Accuracy budget (pp per model)</label>
        <input id="plan-budget" className="input" type="number" min={0} max={100} step={0.1} value={plan.budgetPp} disabled={disabled}
          onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) a.setBudget(x); }} />
      </div>
    </div>
  );
}
