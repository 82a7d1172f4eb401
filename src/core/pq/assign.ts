/** Assignment of subvectors to a fixed codebook (the E-step, and encoding of new weights). */
import type { Backend } from './engine';
import { createEngineSync } from './engine-create';
import { checkCodebook, checkPoints } from './check';

/** Options of assign(). */
export interface AssignOptions {
  /** Engine (default 'auto'). In a browser main thread call `await loadKernel()` first to get WASM. */
  backend?: Backend;
}

/**
 * Nearest codeword of each of the (n x d) subvectors x in the fixed (k x d) codebook, by the
 * ||x||² - 2 x·c + ||c||² expansion in blocked loops (never the n x k matrix); ties go to the lower
 * index. Writes into `out` when given (length >= n). Returns the assignments and the float64 inertia.
 */
export function assign(
  x: Float32Array, n: number, d: number, codebook: Float32Array, k: number,
  out?: Uint16Array | Uint32Array, opts: AssignOptions = {},
): { assignments: Uint16Array | Uint32Array; inertia: number } {
  checkPoints('assign', x, n, d);
  checkCodebook('assign', codebook, k, d);
  if (out && out.length < n) throw new Error(`assign: out has room for ${out.length} indices, need n = ${n}`);
  if (out instanceof Uint16Array && k > 65536) throw new Error(`assign: a Uint16Array cannot hold indices of k = ${k} codewords; pass a Uint32Array`);
  const engine = createEngineSync(x, n, d, k, opts.backend);
  engine.setCodebook(codebook);
  const inertia = engine.pass(false);
  const assignments = out ?? (k <= 65536 ? new Uint16Array(n) : new Uint32Array(n));
  assignments.set(engine.assignments);
  return { assignments, inertia };
}
