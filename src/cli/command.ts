/** One CLI command: its name, a one-line summary for `yono --help`, usage text and the handler. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad command-line input; main prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {}
