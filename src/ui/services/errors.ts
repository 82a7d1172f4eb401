/**
 * Error kinds the UI tells apart: a feature whose core has not landed yet, a cancelled run, a worker
 * that crashed, bad user input. `describeError` turns any thrown value into what the error area shows:
 * a message and what to do about it.
 */

import { WorkerCrashError } from '../workers/errors';

/** Thrown by services whose core part is not in this build yet. */
export class NotAvailableError extends Error {
  constructor(readonly feature: string, readonly needs: string) {
    super(`${feature} is not available yet: it needs ${needs}.`);
    this.name = 'NotAvailableError';
  }
}

/** Thrown for bad user input (a broken model file, a wrong bundle); `action` says what to do. */
export class InputError extends Error {
  constructor(message: string, readonly action: string) {
    super(message);
    this.name = 'InputError';
  }
}


/** What the error area shows for one failure. */
export interface ErrorView {
  kind: 'unavailable' | 'cancelled' | 'crash' | 'input' | 'error';
  message: string;
  action: string;
}

/** True for the ways a cancelled run rejects (our AbortSignal, the core's CancelledError). */
export function isCancel(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'CancelledError');
}

/** Classifies any thrown value; never throws. */
export function describeError(e: unknown): ErrorView {
  if (e instanceof NotAvailableError) {
    return { kind: 'unavailable', message: e.message, action: 'This step is being built; the rest of the app works.' };
  }
  if (isCancel(e)) return { kind: 'cancelled', message: 'Cancelled.', action: 'Start it again when you are ready.' };
  if (e instanceof InputError) return { kind: 'input', message: e.message, action: e.action };
  if (e instanceof WorkerCrashError || (e instanceof Error && e.name === 'WorkerCrashError')) {
    return {
      kind: 'crash',
      message: e.message,
      action: 'The worker was restarted and your work is kept. Try again, with smaller settings if it happens again.',
    };
  }
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Unknown error.';
  return { kind: 'error', message: message || 'Unknown error.', action: 'Try again; if it persists, reload the page (your work is saved).' };
}

/**
 * A core message as a browser user should read it: sentences that tell to run a command (`yono …`,
 * `npm run …`) are dropped, since the error area's "What to do" says what to do in the app.
 */
export function forBrowser(message: string): string {
  const kept = message.split(/(?<=[.!?])\s+/).filter((x) => !/`(yono|npm|npx|node)\b/.test(x));
  return kept.join(' ').replace(/\s+\(`[^`]*`[^)]*\)/g, '').trim() || message;
}
