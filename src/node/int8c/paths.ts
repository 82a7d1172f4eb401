// Where the int8 C sources live, and the host compiler check of the C tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** src/core/bundle/c/int8: the int8 runtime's C (fixed-point header, kernels). */
export const INT8_C_DIR = fileURLToPath(new URL('../../core/bundle/c/int8/', import.meta.url));

/** cc must exist: CI has one, and a missing compiler must fail a C test, not skip it. */
export function requireCc(): void {
  const r = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('No C compiler: `cc --version` failed. Install gcc (e.g. `apt-get install gcc`) to run the C tests.');
}
