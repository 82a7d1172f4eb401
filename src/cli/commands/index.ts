import type { Command } from '../command';
import { modelsCommand } from './models';
import { evalCommand } from './eval';
import { benchKmeansCommand } from './bench-kmeans';
import { compressCommand } from './compress';
import { compareCommand } from './compare';
import { inspectCommand } from './inspect';
import { exportCCommand } from './export-c';
import { exportTfjsCommand } from './export-tfjs';
import { simulateCommand } from './simulate';

/** Every CLI command; each lives in its own file in this folder. Keep one entry per line. */
export const commands: Command[] = [
  modelsCommand,
  evalCommand,
  benchKmeansCommand,
  compressCommand,
  compareCommand,
  inspectCommand,
  exportCCommand,
  exportTfjsCommand,
  simulateCommand,
];
