/**
 * "Advanced: tier codebooks": d and K of the tier groups a PQ plan with the paper's grouping has (coarse
 * codebooks big layers start in, medium and fine codebooks the auto-plan moves sensitive layers to).
 * Closed by default; absent for plans without tiers. Takes the plan and a setter, so it renders without
 * the store.
 */
import type { Plan } from '../../../core/compress/types';
import { uiTierGroups } from '../../state/settings';
import type { GroupSettings, TierKey } from '../../state/settings';
import { GroupFields, indexBits } from './GroupFields';

/** Bits per weight of a group, e.g. "0.75 bits per weight". */
function bitsPerWeight(g: GroupSettings): string {
  const b = Math.round((indexBits(g.k) / g.d) * 100) / 100;
  return `${b} bit${b === 1 ? '' : 's'} per weight`;
}

export function TierCodebooks({ plan, disabled, onChange }: {
  plan: Plan;
  /** True while a run is going. */
  disabled: boolean;
  onChange: (key: TierKey, patch: Partial<GroupSettings>) => void;
}) {
  const rows = uiTierGroups(plan);
  if (rows.length === 0) return null;
  return (
    <details className="effort" data-testid="tier-codebooks">
      <summary>Advanced: tier codebooks</summary>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        <p className="small muted" style={{ margin: 0 }}>
          Extra shared codebooks beside the two above: big layers start in a coarse one (fewer bits per weight), and
          the auto-plan moves a sensitive layer up (coarse, its kind&apos;s codebook, medium, fine, then int8) until
          every model is within the budget.
        </p>
        {rows.map((t) => {
          const v = plan.groups[t.key];
          const off = t.enabled ? '' : ' Off: turn on "Medium and fine tiers" under Effort to use it.';
          return (
            <GroupFields key={t.key} id={t.key} label={t.label} value={v} disabled={disabled || !t.enabled}
              note={`${t.purpose}. ${bitsPerWeight(v)}.${off}`}
              onChange={(patch) => onChange(t.key, patch)} />
          );
        })}
      </div>
    </details>
  );
}
