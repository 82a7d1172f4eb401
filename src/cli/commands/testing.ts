import { expect, vi } from 'vitest';
import type { Command } from '../command';

/** Runs a CLI command expecting exit code 0 and returns what it printed with console.log (test helper). */
export async function captureLog(command: Command, args: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    expect(await command.run(args)).toBe(0);
    return log.mock.calls.map((c) => String(c[0])).join('\n');
  } finally {
    log.mockRestore();
  }
}

/** Dumps the raw float bits of every output of every stored sample (the host build's main). */
export { DUMP_C } from '../../node/hostC';
