/** Progress forwarding from a worker: a comlink proxy call is a message, so chatty progress is thinned. */
import type { ProgressFn } from '../../core/util/progress';

/**
 * Forwards a progress report when its phase changes, when it reaches 1, or at most every `ms`; the
 * callback's own errors (e.g. the page went away) never break the work.
 */
export function throttled(fn: ProgressFn | undefined, ms = 100, now: () => number = () => Date.now()): ProgressFn | undefined {
  if (!fn) return undefined;
  let last = -Infinity;
  let phase = '';
  return (p) => {
    const t = now();
    if (p.phase === phase && p.fraction < 1 && t - last < ms) return;
    last = t;
    phase = p.phase;
    try {
      void Promise.resolve(fn(p)).catch(() => undefined);
    } catch {
      // ignore: progress is advisory
    }
  };
}

/** Maps a sub-task's progress into [start, start + share) of an overall bar. */
export function scaled(fn: ProgressFn | undefined, start: number, share: number): ProgressFn | undefined {
  return fn && ((p) => fn({ ...p, fraction: start + share * Math.min(1, Math.max(0, p.fraction)) }));
}
