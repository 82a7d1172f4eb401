/**
 * Step 4: the virtual microcontroller. Device, memory map, scenario, the simulation's timelines per
 * strategy and its summary figures, and live predictions on test samples — all computed in the bundle
 * worker from the bundle written from the current result.
 */
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice } from '../../components/RunNotice';
import { Stat } from '../../components/Stat';
import { Timeline } from '../../charts/Timeline';
import { DEVICES } from '../../state/settings';
import type { DeviceId } from '../../state/settings';
import { ScenarioEditor } from './ScenarioEditor';
import { MemoryMapCard } from './MemoryMapCard';
import { PredictionsCard } from './PredictionsCard';
import { SHORT_LABEL } from './labels';

const pct = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(1)} %` : '—');
const ms = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? (v < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(v < 10 ? 2 : 1)} ms`) : '—');
const mj = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? (v < 1 ? `${(v * 1000).toFixed(0)} µJ` : `${v.toFixed(2)} mJ`) : '—');

export default function McuStep() {
  const device = useApp((s) => s.device);
  const setDevice = useApp((s) => s.setDevice);
  const run = useApp((s) => s.mcuRun);
  const report = useApp((s) => s.mcuReport);
  const predictions = useApp((s) => s.mcuPredictions);
  const hasResult = useApp((s) => s.codebookResult !== null);
  const simulate = useApp((s) => s.runSimulation);
  const cancel = useApp((s) => s.cancelSimulation);
  const running = run.status === 'running';
  const strategy = (n: string) => report?.strategies.find((s) => s.name === n);
  const yono = strategy('yono');
  const ext = strategy('external-storage');
  const stale = report !== null && report.device !== device;
  const lanes = (report?.strategies ?? []).map((st) => ({
    name: SHORT_LABEL[st.name] ?? st.name,
    events: st.events,
    ...(st.fits ? {} : { note: st.message ?? 'Does not fit on this device' }),
  }));

  return (
    <div className="stack">
      <StepIntro title="Virtual MCU">
        Run the compressed models on a simulated microcontroller and compare switching between tasks: loading from external storage vs. YONO's in-memory codebooks.
      </StepIntro>
      <div className="grid grid-aside">
        <div className="stack">
          <section className="card" aria-labelledby="device-title">
            <header><h2 id="device-title">Device</h2></header>
            <div className="field">
              <label htmlFor="mcu-device">Device</label>
              <select id="mcu-device" className="select" value={device} onChange={(e) => setDevice(e.target.value as DeviceId)} disabled={running}>
                {DEVICES.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
              </select>
            </div>
          </section>
          <MemoryMapCard maps={report?.memoryMaps[device] ?? null} device={DEVICES.find((d) => d.id === device)?.label ?? device} />
          <section className="card" aria-labelledby="scenario-title">
            <header><h2 id="scenario-title">Scenario</h2></header>
            <ScenarioEditor disabled={running} ran={report?.scenario ?? null} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="sim-title">
            <header><h2 id="sim-title">Simulation</h2>{report && <span className="card-sub">{report.requests} requests over {(report.durationUs / 1e6).toFixed(0)} s on {report.deviceName}</span>}</header>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => void simulate()} disabled={running || !hasResult}>Run simulation</button>
              <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
              {!hasResult && <span className="small muted">Learn a codebook first (Codebook step).</span>}
              {stale && <span className="small muted">Timelines are for {report.device}; run again for this device.</span>}
            </div>
            <ProgressBar progress={run.progress} label="Simulation progress" idleText={run.status === 'done' ? 'Done.' : 'Not running.'} />
            <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
            <div className="grid grid-4" style={{ minHeight: 64 }}>
              <Stat label="Switch latency cut (YONO vs. SD)" value={pct(report?.reduction.switchLatencyPct)} testId="switch-latency-cut" />
              <Stat label="Switch energy cut" value={pct(report?.reduction.switchEnergyPct)} testId="switch-energy-cut" />
              <Stat label={`Mean switch: SD → YONO`} value={report ? `${ms(ext?.meanSwitchMs)} → ${ms(yono?.meanSwitchMs)}` : '—'} testId="mean-switch" />
              <Stat label="Switch energy: SD → YONO" value={report ? `${mj(ext?.meanSwitchMj)} → ${mj(yono?.meanSwitchMj)}` : '—'} />
            </div>
            {yono && (
              <p className="small muted" style={{ marginTop: 8 }}>
                Inference on YONO: {Object.entries(yono.inferenceMs).map(([m, v]) => `${m} ${ms(v)}`).join(' · ')}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="timeline-title">
            <header><h2 id="timeline-title">Timelines</h2><span className="card-sub">wheel or buttons to zoom, drag to pan, hover for figures</span></header>
            {lanes.length ? <Timeline lanes={lanes} title={`Timelines on ${report?.device ?? device}`} /> : <Empty title="No simulation yet" minHeight={160}>Run the simulation to see each strategy's loads, switches and computations.</Empty>}
          </section>
          <PredictionsCard predictions={predictions} />
        </div>
      </div>
    </div>
  );
}
