import type { Command } from '../command';

/** Every CLI command; each lives in its own file in this folder. Keep one entry per line. */
export const commands: Command[] = [
];
