/**
 * Runs one long job for a slice: marks it running, forwards progress (throttled, so a chatty worker does
 * not re-render the page for every message), honours cancel through an AbortController, and turns the
 * outcome into a RunState. Failures go to the error area; the app goes on.
 */
import type { Progress } from '../../core/util/progress';
import type { JobOptions } from '../services/types';
import { describeError } from '../services/errors';
import type { StoreDeps } from './deps';
import type { AllState, RunState } from './types';
import { progressTracker } from './progress';

/** Minimum ms between two progress updates of the same phase. */
export const PROGRESS_INTERVAL_MS = 80;

export interface JobSpec<T> {
  /** Job key: a second start with the same key cancels the first. */
  key: string;
  /** Headline of an error, e.g. "Learning the codebook failed". */
  title: string;
  /**
   * What the job is, e.g. "Learning the codebook": when given, the job is recorded as the active run
   * (saved with the work), so a reload in the middle says it was interrupted and offers to restart it.
   */
  label?: string;
  setRun: (r: RunState) => void;
  work: (o: JobOptions) => Promise<T>;
}

/** Runs `spec.work`; resolves with its value, or null when it failed, was cancelled or is unavailable. */
export async function runJob<T>(deps: StoreDeps, get: () => AllState, spec: JobSpec<T>): Promise<T | null> {
  deps.jobs.get(spec.key)?.abort();
  const controller = new AbortController();
  deps.jobs.set(spec.key, controller);
  let lastAt = -Infinity;
  let lastPhase = '';
  // Progress travels on its own channel, so a last report can arrive after the result: ignore it then.
  let settled = false;
  // Forward-only, with the time left: the bar never goes back, whatever order the reports come in.
  const track = progressTracker(deps.now);
  spec.setRun({ status: 'running', progress: track({ fraction: 0, phase: 'starting' }), message: null });
  if (spec.label) get().setActiveRun({ key: spec.key, label: spec.label, startedAt: deps.now(), plan: get().plan });
  const onProgress = (p: Progress) => {
    if (settled || controller.signal.aborted) return;
    const t = deps.now();
    if (p.phase === lastPhase && p.fraction < 1 && t - lastAt < PROGRESS_INTERVAL_MS) return;
    lastAt = t;
    lastPhase = p.phase;
    spec.setRun({ status: 'running', progress: track(p), message: null });
  };
  try {
    // Cancel settles the job at once, even if the work notices the signal only later.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(abortError()), { once: true });
    });
    const work = spec.work({ onProgress, signal: controller.signal });
    // Whichever loses the race must not surface as an unhandled rejection.
    aborted.catch(() => undefined);
    work.catch(() => undefined);
    const value = await Promise.race([work, aborted]);
    settled = true;
    spec.setRun({ status: 'done', progress: null, message: null });
    // An earlier failure of the same job is over: its banner must not stand above the success.
    get().dismissErrorsTitled(spec.title);
    return value;
  } catch (e) {
    settled = true;
    const view = describeError(e);
    // A job replaced by a newer one with the same key says nothing.
    if (deps.jobs.get(spec.key) !== controller) return null;
    if (view.kind === 'cancelled') spec.setRun({ status: 'cancelled', progress: null, message: view.message });
    else if (view.kind === 'unavailable') spec.setRun({ status: 'unavailable', progress: null, message: view.message });
    else {
      spec.setRun({ status: 'error', progress: null, message: view.message });
      get().reportError({ title: spec.title, message: view.message, action: view.action, source: view.kind === 'input' ? 'input' : 'worker' });
    }
    return null;
  } finally {
    if (deps.jobs.get(spec.key) === controller) {
      deps.jobs.delete(spec.key);
      if (spec.label && get().activeRun?.key === spec.key) get().setActiveRun(null);
    }
  }
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

/** Cancels the job with this key, if one runs. */
export function cancelJob(deps: StoreDeps, key: string): void {
  deps.jobs.get(key)?.abort();
}
