/**
 * The d and K fields of one codebook group (a fieldset named for the group): Subvector size as a number
 * input, Codebook size as a select of powers of two. Used by every grouping's d/K rows.
 */
import { LIMITS } from '../../state/settings';
import type { GroupSettings } from '../../state/settings';

/** Powers of two offered for K (any integer 2..65536 from a link is kept as an extra option). */
export const K_OPTIONS = Array.from({ length: 16 }, (_, i) => 2 ** (i + 1));

/** Bits of one index of a K-entry codebook. */
export const indexBits = (k: number): number => Math.ceil(Math.log2(k));

export function GroupFields({ id, label, value, disabled, onChange, note }: {
  /** Suffix of the inputs' ids (`d-<id>`, `k-<id>`): the group key. */
  id: string;
  /** The fieldset's legend (the group's accessible name). */
  label: string;
  value: GroupSettings;
  disabled: boolean;
  onChange: (patch: Partial<GroupSettings>) => void;
  /** One line under the legend: what the group is for. */
  note?: string;
}) {
  const bits = indexBits(value.k);
  const kOpts = K_OPTIONS.includes(value.k) ? K_OPTIONS : [...K_OPTIONS, value.k].sort((x, y) => x - y);
  return (
    <fieldset className="group" disabled={disabled}>
      <legend>{label}</legend>
      {note && <p className="small muted" style={{ margin: '0 0 6px' }}>{note}</p>}
      <div className="fields-2">
        <div className="field">
          <label htmlFor={`d-${id}`}>Subvector size</label>
          <input id={`d-${id}`} className="input" type="number" min={LIMITS.d.min} max={LIMITS.d.max} value={value.d}
            onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x)) onChange({ d: x }); }} />
          <span className="hint">weights per index (d)</span>
        </div>
        <div className="field">
          <label htmlFor={`k-${id}`}>Codebook size</label>
          <select id={`k-${id}`} className="select" value={value.k} onChange={(e) => onChange({ k: Number(e.target.value) })}>
            {kOpts.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <span className="hint">{`${bits} bit${bits === 1 ? '' : 's'} per index (K)`}</span>
        </div>
      </div>
    </fieldset>
  );
}
