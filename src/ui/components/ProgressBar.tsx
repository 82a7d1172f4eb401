/**
 * A progress bar with its phase and percentage. It always takes the same height, running or not, so
 * starting or finishing work never shifts the page.
 */
import type { Progress } from '../../core/util/progress';
import type { JobProgress } from '../state/progress';
import { formatEta } from '../state/progress';
import { phaseLabel } from '../lib/phases';

export interface ProgressBarProps {
  /** Null when idle: the bar stays, empty, with `idleText`. */
  progress: Progress | JobProgress | null;
  label: string;
  idleText?: string;
}

export function ProgressBar({ progress, label, idleText = '' }: ProgressBarProps) {
  const pct = progress ? Math.floor(progress.fraction * 100) : 0;
  const eta = progress && 'etaMs' in progress ? (progress.overdue ? 'taking longer than estimated' : formatEta(progress.etaMs)) : '';
  return (
    <div className="progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress ? pct : undefined}
        aria-valuetext={progress ? `${phaseLabel(progress.phase)} ${pct}%` : idleText || 'idle'}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="progress-label">
        {progress ? <><span data-testid="phase">{phaseLabel(progress.phase)}</span>{progress.message && <span>{progress.message}</span>}{eta && <span className="eta" data-testid="eta">{eta}</span>}<span className="pct">{pct}%</span></> : <span>{idleText}</span>}
      </div>
    </div>
  );
}
