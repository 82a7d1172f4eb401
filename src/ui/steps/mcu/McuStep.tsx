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
import { StrategyCards } from './StrategyCards';
import { StaleMark } from '../../components/StaleMark';
import { resultStaleReason } from '../../state/stale';
import { Timeline } from '../../charts/Timeline';
import { DEVICES } from '../../state/settings';
import type { DeviceId } from '../../state/settings';
import { ScenarioEditor } from './ScenarioEditor';
import { MemoryMapCard } from './MemoryMapCard';
import { PredictionsCard } from './PredictionsCard';
import { SHORT_LABEL } from './labels';
import { floatBaseBytes } from '../../core';


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
  const resultStale = useApp((s) => resultStaleReason(s));
  const baseBytes = useApp((s) => (s.codebookResult ? s.codebookResult.models.reduce((a, m) => a + floatBaseBytes(m), 0) : null));
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
          <MemoryMapCard maps={report?.memoryMaps[device] ?? null} device={DEVICES.find((d) => d.id === device)?.label ?? device} baseBytes={baseBytes} />
          <section className="card" aria-labelledby="scenario-title">
            <header><h2 id="scenario-title">Scenario</h2></header>
            <ScenarioEditor disabled={running} ran={report?.scenario ?? null} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="sim-title">
            <header><h2 id="sim-title">Simulation</h2>{report && <span className="card-sub">{report.requests} requests over a {((report.scenarioUs ?? report.durationUs) / 1e6).toFixed(0)} s scenario on {report.deviceName}</span>}<StaleMark reason={report ? resultStale : ''} what="This simulation" /></header>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => void simulate()} disabled={running || !hasResult}>Run simulation</button>
              <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
              {!hasResult && <span className="small muted">Learn a codebook first (Codebook step).</span>}
              {stale && <span className="small muted">Timelines are for {report.device}; run again for this device.</span>}
            </div>
            <ProgressBar progress={run.progress} label="Simulation progress" idleText={run.status === 'done' ? 'Done.' : 'Not running.'} />
            <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
            {report ? <StrategyCards report={report} /> : <Empty title="No simulation yet" minHeight={120}>Run the simulation: one card per strategy with the simulator's figures.</Empty>}
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
