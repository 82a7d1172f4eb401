/**
 * After a reload in the middle of a long job: says which job was interrupted and offers to restart it
 * (the job itself cannot survive the page: its worker went with it).
 */
import { appStore, useApp } from '../state/appStore';
import type { AllState } from '../state/types';
import type { StepId } from '../state/settings';
import { samePlan } from '../core';

/** The step and the action that start each restartable job again. */
const RESTART: Record<string, { tab: StepId; start: (s: AllState) => Promise<void> }> = {
  codebook: { tab: 'codebook', start: (s) => s.learnCodebook() },
  sweep: { tab: 'tradeoffs', start: (s) => s.runSweep() },
  compare: { tab: 'tradeoffs', start: (s) => s.runComparison() },
  mcu: { tab: 'mcu', start: (s) => s.runSimulation() },
};

export function InterruptedRun() {
  const run = useApp((s) => s.interruptedRun);
  const plan = useApp((s) => s.plan);
  const dismiss = useApp((s) => s.dismissInterrupted);
  if (!run) return null;
  const how = RESTART[run.key];
  const at = new Date(run.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const changed = !!run.plan && !samePlan(run.plan, plan);
  return (
    <div className="notice notice-unavailable interrupted" role="status" data-testid="interrupted-run">
      <span><strong>{run.label} was interrupted — start it again.</strong> The page was reloaded while it ran (started {at}); its unfinished work is lost, your plan{changed ? ' as it was then' : ''} and earlier results are kept.</span>
      <span className="spacer" />
      {how && (
        <button type="button" className="btn btn-sm btn-primary" title={changed ? 'Puts back the plan it ran with, then starts it' : undefined}
          onClick={() => { const s = appStore.getState(); s.dismissInterrupted(); if (run.plan && changed) s.loadPlan(run.plan); s.setTab(how.tab); void how.start(appStore.getState()); }}>
          {changed ? 'Restart with its plan' : 'Restart'}
        </button>
      )}
      <button type="button" className="btn btn-sm" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
