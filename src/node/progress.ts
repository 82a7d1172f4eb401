// Progress of long work printed on stderr, for `yono compress`, `yono compare` and the bench.
import type { Progress } from '../core/util/progress';

/** A progress printer for stderr: one line per phase change or every 5 %, unless quiet. */
export function stderrProgress(quiet: boolean): ((p: Progress) => void) | undefined {
  if (quiet) return undefined;
  let last = -1;
  let phase = '';
  return (p) => {
    const pct = Math.floor(p.fraction * 100);
    if (p.phase === phase && pct < last + 5) return;
    last = pct;
    phase = p.phase;
    process.stderr.write(`[${String(pct).padStart(3)} %] ${p.phase}: ${p.message ?? ''}\n`);
  };
}
