/**
 * Step 4: the virtual microcontroller. Device, memory map, scenario, the simulation's timelines per
 * strategy and its summary figures, and live predictions on test samples.
 */
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { Empty } from '../../components/Empty';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice, Unavailable } from '../../components/RunNotice';
import { Stat } from '../../components/Stat';
import { Timeline } from '../../charts/Timeline';
import { DEVICES } from '../../state/settings';
import type { DeviceId } from '../../state/settings';
import { ScenarioEditor } from './ScenarioEditor';
import { formatUs } from '../../lib/format';

const STRATEGY_LABEL: Record<string, string> = {
  'external-storage': 'External storage (SD)',
  'internal-flash': 'Internal flash',
  yono: 'YONO in memory',
};

export default function McuStep() {
  const device = useApp((s) => s.device);
  const setDevice = useApp((s) => s.setDevice);
  const run = useApp((s) => s.mcuRun);
  const report = useApp((s) => s.mcuReport);
  const simulate = useApp((s) => s.runSimulation);
  const cancel = useApp((s) => s.cancelSimulation);
  const running = run.status === 'running';
  const lanes = (report?.strategies ?? []).map((st) => ({
    name: STRATEGY_LABEL[st.name] ?? st.name,
    events: st.events,
    ...(st.fits ? {} : { note: 'Does not fit on this device' }),
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
          <section className="card" aria-labelledby="memory-title">
            <header><h2 id="memory-title">Memory map</h2></header>
            <Unavailable what="The memory map" needs="the virtual MCU's memory image (issue 6)" />
          </section>
          <section className="card" aria-labelledby="scenario-title">
            <header><h2 id="scenario-title">Scenario</h2></header>
            <ScenarioEditor disabled={running} />
          </section>
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="sim-title">
            <header><h2 id="sim-title">Simulation</h2></header>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => void simulate()} disabled={running}>Run simulation</button>
              <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
            </div>
            <ProgressBar progress={run.progress} label="Simulation progress" idleText={run.status === 'done' ? 'Done.' : 'Not running.'} />
            <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
            <div className="grid grid-3" style={{ minHeight: 64 }}>
              <Stat label="Switch latency cut" value={report ? `${report.reduction.switchLatencyPct.toFixed(1)} %` : '—'} testId="switch-latency-cut" />
              <Stat label="Switch energy cut" value={report ? `${report.reduction.switchEnergyPct.toFixed(1)} %` : '—'} />
              <Stat label="YONO mean switch" value={report ? formatUs((report.strategies.find((s) => s.name === 'yono')?.meanSwitchMs ?? NaN) * 1000) : '—'} />
            </div>
          </section>
          <section className="card" aria-labelledby="timeline-title">
            <header><h2 id="timeline-title">Timelines</h2><span className="card-sub">wheel or buttons to zoom, drag to pan, hover for figures</span></header>
            {lanes.length ? <Timeline lanes={lanes} title={`Timelines on ${device}`} /> : <Empty title="No simulation yet" minHeight={160}>Run the simulation to see each strategy's loads, switches and computations.</Empty>}
          </section>
          <section className="card" aria-labelledby="live-title">
            <header><h2 id="live-title">Live predictions</h2></header>
            <Unavailable what="Predictions on the virtual MCU" needs="the bundle runtime (issue 5)" />
          </section>
        </div>
      </div>
    </div>
  );
}
