/**
 * Where each strategy puts the models on the chosen device: flash and SRAM used against capacity, a
 * fits / does-not-fit badge, and the items behind the figures. Maps for every device come with the
 * simulation, so switching device updates this at once.
 */
import type { MemoryMap, RegionUse } from '../../../core/mcu/scenario/types';
import { Empty } from '../../components/Empty';
import { formatBytes } from '../../lib/format';
import { STRATEGY_LABEL } from './labels';

function Meter({ label, use }: { label: string; use: RegionUse }) {
  const pct = use.capacity > 0 ? (100 * use.used) / use.capacity : 0;
  return (
    <div className="stack-sm" style={{ gap: 2 }}>
      <div className="row small"><span>{label}</span><span className="spacer" /><span className={use.fits ? 'muted' : ''}>{formatBytes(use.used)} of {formatBytes(use.capacity)} ({pct.toFixed(0)} %)</span></div>
      <div className="progress-bar" role="meter" aria-label={`${label} used`} aria-valuemin={0} aria-valuemax={use.capacity} aria-valuenow={use.used}>
        <div className="progress-fill" style={{ width: `${Math.min(100, pct)}%`, background: use.fits ? undefined : 'var(--danger)' }} />
      </div>
    </div>
  );
}

export function MemoryMapCard({ maps, device, baseBytes }: { maps: MemoryMap[] | null; device: string; /** The models' base size (null without a result). */ baseBytes: number | null }) {
  return (
    <section className="card" aria-labelledby="memory-title">
      <header><h2 id="memory-title">Memory map</h2><span className="card-sub">{device}</span></header>
      {!maps ? <Empty title="No memory map yet" minHeight={120}>Run the simulation: the maps come from the runtime's measured sizes.</Empty> : (
        <div className="stack">
          {baseBytes !== null && (
            <p className="small muted" style={{ margin: 0 }} data-testid="memory-base" data-bytes={baseBytes}>
              The models' base size is {formatBytes(baseBytes)}, as in the bundle (with int8 activations the bundle and this map hold the float form, listed as "file" in Trade-offs); each map adds descriptors, codebooks, runtime code and buffers, listed under "What is stored where".
            </p>
          )}
          {maps.map((m) => (
            <div key={m.strategy} className="stack-sm" data-testid={`memory-${m.strategy}`}>
              <div className="row">
                <strong>{STRATEGY_LABEL[m.strategy] ?? m.strategy}</strong>
                <span className="spacer" />
                <span className={`badge ${m.fits ? 'badge-ok' : 'badge-danger'}`}>{m.fits ? 'fits' : 'does not fit'}</span>
              </div>
              <Meter label="Flash" use={m.flash} />
              <Meter label="SRAM" use={m.sram} />
              {m.sdBytes > 0 && <div className="small muted">SD card: {formatBytes(m.sdBytes)}</div>}
              {m.message && <div className="small" style={{ color: 'var(--danger)' }}>{m.message}</div>}
              <details className="small">
                <summary>What is stored where</summary>
                <table className="table table-wrapping" aria-label={`Memory of ${m.strategy}`}>
                  <tbody>
                    {m.items.map((it, i) => (
                      <tr key={i}><td>{it.region}</td><td>{it.label}{it.note && <span className="muted"> ({it.note})</span>}</td><td className="num">{formatBytes(it.bytes)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
