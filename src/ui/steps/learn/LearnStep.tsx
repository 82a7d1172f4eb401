/**
 * The Learn view: product quantization step by step on one small layer — the weights, their cut into
 * subvectors, k-means in 2-D (play / pause / step), the assignment and the reconstruction with its
 * error. Settings and seed live in the URL, so a shared link shows the same demo.
 */
import { useMemo, useState } from 'react';
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { LineSeriesChart } from '../../charts/LineSeriesChart';
import { useLearnDemo } from './useLearnDemo';
import { LearnControls } from './LearnControls';
import { LearnFigures } from './LearnFigures';
import { WeightMatrix } from './WeightMatrix';
import { SubvectorScatter } from './SubvectorScatter';
import { PHASE_TITLE, TERMS, explain, frameNumber } from './explain';
import type { LearnFrame } from '../../../core/learn/session';

const PHASES: LearnFrame['phase'][] = ['weights', 'cut', 'init', 'assign', 'update', 'reconstruct'];

export default function LearnStep() {
  const learn = useApp((s) => s.learn);
  const [speed, setSpeed] = useState(600);
  const player = useLearnDemo(learn, speed);
  const { demo, frame, prev, history } = player;
  const magnitude = useMemo(() => demo.kernel.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1, [demo]);
  const error = useMemo(() => (frame.recon ? demo.kernel.map((v, i) => v - frame.recon!.kernel[i]) : null), [demo, frame]);
  const inertia = history.filter((f) => f.inertia !== null && (f.phase === 'assign' || f.phase === 'update'))
    .map((f) => ({ step: frameNumber(f), inertia: f.inertia }));

  return (
    <div className="stack">
      <StepIntro title="Learn">
        How product quantization compresses a layer: cut the weights into subvectors, learn K codewords with k-means, store only each subvector's codeword index.
      </StepIntro>
      <section className="card" aria-label="Demo settings and controls">
        <LearnControls player={player} speed={speed} setSpeed={setSpeed} />
      </section>
      <section className="card learn-phase" aria-live="polite">
        <ol className="phase-list" aria-label="Phases">
          {PHASES.map((p) => (
            <li key={p} className={p === frame.phase ? 'current' : ''} aria-current={p === frame.phase ? 'step' : undefined}>{PHASE_TITLE[p]}</li>
          ))}
        </ol>
        <p>
          <strong data-testid="learn-phase" data-phase={frame.phase}>{PHASE_TITLE[frame.phase]}{frame.iteration > 0 && frame.phase !== 'reconstruct' ? ` · iteration ${frame.iteration}` : ''}</strong>
          {' — '}{explain(frame, demo.layout.d, demo.k, demo.n, demo.layout.padding)}
           <span className="small muted" data-testid="learn-frame">(frame {frameNumber(frame)})</span>
        </p>
      </section>
      <div className="grid learn-grid">
        <section className="card" aria-labelledby="matrix-title">
          <header><h2 id="matrix-title">Weight matrix</h2><span className="card-sub">{demo.layout.rows} inputs × {demo.layout.cols} units</span></header>
          <div className="row" style={{ alignItems: 'flex-start', gap: 14, minHeight: 310 }}>
            <figure className="stack-sm" style={{ margin: 0 }}>
              <WeightMatrix values={demo.kernel} layout={demo.layout} magnitude={magnitude} showCut={frame.phase !== 'weights'}
                assignments={frame.assignments} size={frame.recon ? 260 : 340} label="Weights of the demo layer" />
              <figcaption className="small muted">original</figcaption>
            </figure>
            {frame.recon && error && (
              <>
                <figure className="stack-sm" style={{ margin: 0 }}>
                  <WeightMatrix values={frame.recon.kernel} layout={demo.layout} magnitude={magnitude} showCut={false} assignments={null} size={260} label="Reconstructed weights" />
                  <figcaption className="small muted">reconstructed</figcaption>
                </figure>
                <figure className="stack-sm" style={{ margin: 0 }}>
                  <WeightMatrix values={error} layout={demo.layout} magnitude={magnitude} showCut={false} assignments={null} size={260} label="Reconstruction error" />
                  <figcaption className="small muted">error (same colour scale)</figcaption>
                </figure>
              </>
            )}
          </div>
        </section>
        <section className="card" aria-labelledby="scatter-title">
          <header><h2 id="scatter-title">Subvectors</h2><span className="card-sub">{demo.projection.isPca ? `PCA view of d = ${demo.layout.d}` : 'd = 2, drawn directly'}</span></header>
          <SubvectorScatter demo={demo} frame={frame} prev={prev} />
        </section>
        <section className="card" aria-labelledby="figures-title">
          <header><h2 id="figures-title">Figures</h2></header>
          <LearnFigures demo={demo} frame={frame} />
        </section>
      </div>
      <section className="card" aria-labelledby="terms-title">
        <header><h2 id="terms-title">Terms</h2></header>
        <dl className="terms" data-testid="learn-terms">
          {TERMS.map((t) => <div key={t.term}><dt>{t.term}</dt><dd>{t.line}</dd></div>)}
        </dl>
      </section>
      <section className="card" aria-labelledby="inertia-title">
        <header><h2 id="inertia-title">Inertia per step</h2><span className="card-sub">never rises: each assign and update step lowers it or keeps it</span></header>
        <LineSeriesChart data={inertia.length ? inertia : [{ step: 0, inertia: null }]} x={{ key: 'step', label: 'frame' }}
          series={[{ key: 'inertia', name: 'Inertia (Σ squared error)' }]} yLabel="inertia" format={(v) => v.toPrecision(3)} height={200} testId="chart-inertia" />
      </section>
    </div>
  );
}
