/**
 * What a job's RunState means for the user, in one reserved line: not available yet (and why),
 * cancelled, or failed. Nothing for idle, running or done.
 */
import type { RunState } from '../state/types';

export function RunNotice({ run }: { run: RunState }) {
  if (run.status === 'unavailable') {
    return (
      <div className="notice notice-unavailable" role="status" data-testid="not-available">
        <span><strong>Not available yet.</strong> {run.message}</span>
      </div>
    );
  }
  if (run.status === 'error') return <div className="notice notice-error" role="status"><span><strong>Failed.</strong> {run.message}</span></div>;
  if (run.status === 'cancelled') return <div className="notice" role="status"><span>Cancelled. Nothing was changed.</span></div>;
  return null;
}

/** A static "not available yet" note for a view whose core part has not landed. */
export function Unavailable({ what, needs }: { what: string; needs: string }) {
  return (
    <div className="notice notice-unavailable" data-testid="not-available">
      <span><strong>{what} is not available yet.</strong> It needs {needs}. This view shows real results only.</span>
    </div>
  );
}
