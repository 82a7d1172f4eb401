/**
 * Forward-only progress with an estimate of the time left, for every long job (runJob uses it): the
 * fraction never goes back (a worker that restarts a phase's count, or a pool whose parts report out of
 * order, holds the bar where it was), and the time left is the elapsed time scaled by what remains, once
 * there is enough to go on. Pure: the clock is given.
 */
import type { Progress } from '../../core/util/progress';

/** Progress as the page shows it: forward-only, with elapsed and estimated remaining time. */
export interface JobProgress extends Progress {
  elapsedMs: number;
  /** Estimated ms left; null until at least MIN_FRACTION is done and MIN_ELAPSED_MS passed, or when overdue. */
  etaMs: number | null;
  /**
   * The bar has not moved for longer than the time it said was left (a last stage slower than its share
   * of the bar): the page says so instead of a shrinking "under 5 s left".
   */
  overdue?: boolean;
}

const MIN_FRACTION = 0.02;
const MIN_ELAPSED_MS = 1500;
const OVERDUE_GRACE_MS = 5000;

/** A tracker for one job started at `now()`: feed it raw progress, get forward-only progress back. */
export function progressTracker(now: () => number): (p: Progress) => JobProgress {
  const t0 = now();
  let best = 0;
  // when the bar last moved (by at least a step of its 100), and the time it then said was left
  let movedAt = t0;
  let etaThen: number | null = null;
  return (p) => {
    const raw = Number.isFinite(p.fraction) ? Math.min(1, Math.max(0, p.fraction)) : 0;
    const t = now();
    const elapsedMs = t - t0;
    const moved = raw >= best + 0.01 || (raw > best && raw === 1);
    best = Math.max(best, raw);
    const linear = best >= MIN_FRACTION && elapsedMs >= MIN_ELAPSED_MS && best < 1 ? Math.round((elapsedMs * (1 - best)) / best) : null;
    if (moved || etaThen === null) { movedAt = t; etaThen = linear; }
    const overdue = etaThen !== null && best < 1 && t - movedAt > etaThen + OVERDUE_GRACE_MS;
    // since the last move the estimate only counts down; once past it, no figure rather than a wrong one
    const etaMs = overdue || linear === null ? null : Math.max(0, Math.min(linear, (etaThen ?? linear) - (t - movedAt)));
    return { ...p, fraction: best, elapsedMs, etaMs, ...(overdue ? { overdue } : {}) };
  };
}

/** "about 1 min 20 s left", "about 40 s left", "under 5 s left"; '' when unknown. */
export function formatEta(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const s = Math.round(ms / 1000);
  if (s < 5) return 'under 5 s left';
  if (s < 60) return `about ${Math.round(s / 5) * 5} s left`;
  const m = Math.floor(s / 60);
  const r = Math.round((s % 60) / 10) * 10;
  return r === 0 || r === 60 ? `about ${r === 60 ? m + 1 : m} min left` : `about ${m} min ${r} s left`;
}
