/** Errors of the worker bridges. */

/** The worker doing a job died (out of memory, a crash); the bridge restarts it. */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}
