/**
 * After a reload in the middle of a long job: says which job was interrupted and offers to restart it
 * (the job itself cannot survive the page: its worker went with it).
 */
import { appStore, useApp } from '../state/appStore';
import type { AllState } from '../state/types';
import type { StepId } from '../state/settings';

/** The step and the action that start each restartable job again. */
const RESTART: Record<string, { tab: StepId; start: (s: AllState) => Promise<void> }> = {
  codebook: { tab: 'codebook', start: (s) => s.learnCodebook() },
  sweep: { tab: 'tradeoffs', start: (s) => s.runSweep() },
  compare: { tab: 'tradeoffs', start: (s) => s.runComparison() },
  mcu: { tab: 'mcu', start: (s) => s.runSimulation() },
};

export function InterruptedRun() {
  const run = useApp((s) => s.interruptedRun);
  const dismiss = useApp((s) => s.dismissInterrupted);
  if (!run) return null;
  const how = RESTART[run.key];
  const at = new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="notice notice-unavailable interrupted" role="status" data-testid="interrupted-run">
      <span><strong>{run.label} was interrupted.</strong> The page was reloaded while it ran (started {at}); nothing of it was kept.</span>
      <span className="spacer" />
      {how && (
        <button type="button" className="btn btn-sm btn-primary" onClick={() => { const s = appStore.getState(); s.dismissInterrupted(); s.setTab(how.tab); void how.start(appStore.getState()); }}>
          Restart
        </button>
      )}
      <button type="button" className="btn btn-sm" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
