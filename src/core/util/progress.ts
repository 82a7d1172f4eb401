/** Progress of long work: a fraction in [0, 1], the phase it is in and a human-readable message. */
export interface Progress {
  fraction: number;
  phase: string;
  message?: string;
}

/** Called with progress; must be cheap (it may be a comlink proxy to the UI thread). */
export type ProgressFn = (p: Progress) => void;

/** Thrown when a long run is cancelled through its CancelCheck. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * Polled between units of work (e.g. k-means iterations). Returns true to stop; may be async so a
 * worker can yield to its message loop and see a cancel message.
 */
export type CancelCheck = () => boolean | Promise<boolean>;

/** Throws CancelledError when `check` says stop. */
export async function throwIfCancelled(check: CancelCheck | undefined): Promise<void> {
  if (check && (await check())) throw new CancelledError();
}
