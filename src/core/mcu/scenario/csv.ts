import type { SimulationReport } from './types';

const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The report's events as CSV: one row per event of every strategy (strategy, kind, model, t0_us, t1_us, energy_uj). */
export function eventsToCsv(r: SimulationReport): string {
  const rows = ['strategy,kind,model,t0_us,t1_us,energy_uj'];
  for (const s of r.strategies) {
    for (const e of s.events) rows.push([s.name, e.kind, q(e.model), e.t0Us.toFixed(3), e.t1Us.toFixed(3), e.energyUj.toFixed(4)].join(','));
  }
  return rows.join('\n') + '\n';
}

/** One row per strategy and model: fits, switch and inference time and energy. */
export function summaryToCsv(r: SimulationReport): string {
  const rows = ['device,strategy,fits,model,switch_ms,switch_mj,inference_ms,inference_mj'];
  for (const s of r.strategies) {
    for (const m of Object.keys(s.inferenceMs)) {
      rows.push([r.device, s.name, String(s.fits), q(m), s.switchMs[m], s.switchMj[m], s.inferenceMs[m], s.inferenceMj[m]].join(','));
    }
  }
  return rows.join('\n') + '\n';
}
