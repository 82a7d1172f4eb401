import type { Progress } from '../../core/util/progress';
import { phaseLabel } from '../lib/phases';

/**
 * The progress of a job split over parts run in a pool (sweep points, compared methods): the overall
 * fraction is the parts' mean, the message how many parts are done and what the latest report said
 * ("3 of 12 done · d 4, K 64: kmeans").
 */
export function poolProgress(total: number, phase: string, onProgress: ((p: Progress) => void) | undefined, unit = 'done'): (i: number, what?: string) => (p: Progress) => void {
  const parts = new Float64Array(total);
  return (i, what) => (p) => {
    parts[i] = Math.min(1, Math.max(0, Number.isFinite(p.fraction) ? p.fraction : 0));
    const sum = parts.reduce((a, b) => a + b, 0);
    const finished = parts.reduce((a, b) => a + (b >= 1 ? 1 : 0), 0);
    onProgress?.({ fraction: sum / total, phase, message: `${finished} of ${total} ${unit}${what ? ` · ${what}: ${phaseLabel(p.phase)}` : ''}` });
  };
}
