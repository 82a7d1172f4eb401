/**
 * "Advanced: allocation": the codebook formats YONO's per-layer allocation chooses from (each a shared
 * codebook of d weights per index and K codewords, for spatial, pointwise or any kernels), its KL threshold
 * and the flash-size target. Closed by default; absent for plans without an allocation. Takes the plan and
 * a setter, so it renders without the store.
 */
import type { Plan } from '../../../core/compress/types';
import type { SettingKey, SettingValues } from '../../../core/settings/schema';
import { YONO_FORMATS, parseFormat } from '../../core';

const FAMILY = { spatial: '3×3 / depthwise / conv1d', pointwise: '1×1 / dense', any: 'any kernel' } as const;

/** A format's one-line description, e.g. "s9k256: 3×3 / depthwise / conv1d, d 9, K 256 (0.89 bit per weight)". */
export function formatLabel(name: string): string {
  const f = parseFormat(name);
  const bits = Math.round((Math.ceil(Math.log2(f.k)) / f.d) * 100) / 100;
  return `${f.name}: ${FAMILY[f.family]}, d ${f.d}, K ${f.k} (${bits} bit${bits === 1 ? '' : 's'} per weight)`;
}

export function AllocationFormats({ plan, disabled, onChange }: {
  plan: Plan;
  /** True while a run is going. */
  disabled: boolean;
  onChange: <K extends SettingKey>(key: K, value: SettingValues[K]) => void;
}) {
  if (plan.formats.length === 0 || plan.defaultFormat !== 'pq') return null;
  const names = [...new Set([...YONO_FORMATS, ...plan.formats])];
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...plan.formats, name] : plan.formats.filter((f) => f !== name);
    if (next.length > 0) onChange('formats', names.filter((n) => next.includes(n)));
  };
  return (
    <details className="effort" data-testid="allocation-formats">
      <summary>Advanced: allocation</summary>
      <div className="stack-sm" style={{ marginTop: 8 }}>
        <p className="small muted" style={{ margin: 0 }}>
          Each layer takes one of these shared codebooks, or int8: the fewest bytes whose output stays within the KL
          threshold of the float model on validation inputs.
        </p>
        {names.map((n) => (
          <label key={n} className="row small" style={{ flexWrap: 'nowrap' }}>
            <input type="checkbox" checked={plan.formats.includes(n)} disabled={disabled} onChange={(e) => toggle(n, e.target.checked)} />
            {formatLabel(n)}
          </label>
        ))}
        <div className="fields-2">
          <div className="field">
            <label htmlFor="plan-kl">KL threshold (nats)</label>
            <input id="plan-kl" className="input" type="number" min={0.0001} max={10} step={0.001} value={plan.klThreshold} disabled={disabled}
              onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x) && x > 0) onChange('klThreshold', x); }} />
          </div>
          <div className="field">
            <label htmlFor="plan-flash">Flash target (bytes, 0 = per-model budgets)</label>
            <input id="plan-flash" className="input" type="number" min={0} step={1024} value={plan.flashBytes} disabled={disabled}
              onChange={(e) => { const x = e.target.valueAsNumber; if (Number.isFinite(x) && x >= 0) onChange('flashBytes', Math.round(x)); }} />
          </div>
        </div>
      </div>
    </details>
  );
}
