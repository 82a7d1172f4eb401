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
  /** Estimated ms left; null until at least MIN_FRACTION is done and MIN_ELAPSED_MS passed. */
  etaMs: number | null;
}

const MIN_FRACTION = 0.02;
const MIN_ELAPSED_MS = 1500;

/** A tracker for one job started at `now()`: feed it raw progress, get forward-only progress back. */
export function progressTracker(now: () => number): (p: Progress) => JobProgress {
  const t0 = now();
  let best = 0;
  return (p) => {
    const raw = Number.isFinite(p.fraction) ? Math.min(1, Math.max(0, p.fraction)) : 0;
    best = Math.max(best, raw);
    const elapsedMs = now() - t0;
    const etaMs = best >= MIN_FRACTION && elapsedMs >= MIN_ELAPSED_MS && best < 1 ? Math.round((elapsedMs * (1 - best)) / best) : null;
    return { ...p, fraction: best, elapsedMs, etaMs };
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
