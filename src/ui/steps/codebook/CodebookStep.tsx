/**
 * Step 2: the plan and the codebook run (in a worker, with progress and cancel), then the views of the
 * learned codebooks. Space for progress and results is reserved so nothing moves while work runs.
 */
import { useApp } from '../../state/appStore';
import { StepIntro } from '../../components/StepIntro';
import { ProgressBar } from '../../components/ProgressBar';
import { RunNotice } from '../../components/RunNotice';
import { PlanControls } from './PlanControls';
import { LayerPlan } from './LayerPlan';
import { EffortControls } from './EffortControls';
import { CodebookViewsCard } from './CodebookViewsCard';
import { includedModels } from '../../state/slices/models';
import { formatBytes, formatRatio } from '../../lib/format';
import { EstimateCard } from './EstimateCard';
import { ModelGraph } from './graph/ModelGraph';
import { useEstimate } from './useEstimate';
import { StaleMark } from '../../components/StaleMark';
import { resultStaleReason } from '../../state/stale';

export default function CodebookStep() {
  const run = useApp((s) => s.codebookRun);
  const result = useApp((s) => s.codebookResult);
  const models = useApp((s) => includedModels(s));
  const learn = useApp((s) => s.learnCodebook);
  const cancel = useApp((s) => s.cancelCodebook);
  const running = run.status === 'running';
  const view = useEstimate({ sqnr: true });
  const stale = useApp((s) => resultStaleReason(s));

  return (
    <div className="stack">
      <StepIntro title="Codebook">
        Route layers to codebook groups, choose subvector size d and codebook size K, and learn codebooks shared by every selected model.
      </StepIntro>
      <div className="grid grid-aside">
        <section className="card" aria-labelledby="plan-title">
          <header><h2 id="plan-title">Plan</h2></header>
          <PlanControls disabled={running} />
          <EffortControls disabled={running} />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="run-title">
            <header>
              <h2 id="run-title">Learn</h2>
              <span className="card-sub">{models.length ? `${models.length} model${models.length > 1 ? 's' : ''}: ${models.join(', ')}` : 'no models selected'}</span>
            </header>
            <div className="row">
              <button type="button" className="btn btn-primary" onClick={() => void learn()} disabled={running || models.length === 0}>Learn codebook</button>
              <button type="button" className="btn" onClick={cancel} disabled={!running}>Cancel</button>
              <span className="spacer" />
              {result && <span className="small muted" data-testid="codebook-summary">Last run: {formatBytes(result.totals.compressedBytes)} · {formatRatio(result.totals.ratio)} smaller · {result.models.map((m) => m.name).join(', ')}</span>}
              <StaleMark reason={stale} what="The learned codebooks" />
            </div>
            <ProgressBar progress={run.progress} label="Codebook learning progress" idleText={run.status === 'done' ? 'Done.' : 'Not running.'} />
            <div style={{ minHeight: 40 }}><RunNotice run={run} /></div>
          </section>
          <EstimateCard view={view} />
          <section className="card" aria-labelledby="layers-title">
            <header><h2 id="layers-title">Layers</h2><span className="card-sub">format per layer: where it goes, its bits per weight, bytes and SQNR (estimates), and where the last run left it</span></header>
            <LayerPlan disabled={running} view={view} />
          </section>
          <section className="card" aria-labelledby="graph-title">
            <header><h2 id="graph-title">Model view</h2><span className="card-sub">the layer graph, coloured by format; click a layer to edit its format</span></header>
            <ModelGraph view={view} disabled={running} />
          </section>
          <CodebookViewsCard result={result} stale={stale} />
        </div>
      </div>
    </div>
  );
}
