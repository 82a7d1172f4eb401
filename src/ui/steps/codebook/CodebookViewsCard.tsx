/** The learned codebooks: heatmap, codeword usage per model and the 2-D projection, one group at a time. */
import { useState } from 'react';
import { useApp } from '../../state/appStore';
import type { CodebookResult } from '../../services/types';
import { Empty } from '../../components/Empty';
import { CodebookHeatmap } from './CodebookHeatmap';
import { CodewordUsage } from './CodewordUsage';
import { ProjectionView } from './ProjectionView';
import { StaleMark } from '../../components/StaleMark';
import { phaseLabel } from '../../lib/phases';

export function CodebookViewsCard({ result, stale }: { result: CodebookResult | null; stale: string }) {
  const views = useApp((s) => s.codebookViews);
  const progress = useApp((s) => (s.codebookRun.status === 'running' ? s.codebookRun.progress : null));
  const [pick, setPick] = useState(0);
  const groups = result?.codebooks ?? [];
  const names = result?.models.map((m) => m.name) ?? [];
  const g = groups[Math.min(pick, Math.max(0, groups.length - 1))];
  const usage = g && views?.usage.find((u) => u.group === g.name);
  const proj = g && views?.projections.find((p) => p.group === g.name);
  return (
    <section className="card" aria-labelledby="views-title">
      <header>
        <h2 id="views-title">Codebooks</h2>
        <StaleMark reason={stale} what="These codebooks" />
        {groups.length > 1 && (
          <select className="select" aria-label="Codebook group" value={pick} onChange={(e) => setPick(Number(e.target.value))} style={{ marginLeft: 'auto', width: 'auto' }}>
            {groups.map((c, i) => <option key={c.name} value={i}>{c.name} (d = {c.d}, K = {c.k}, {c.layers.length} layers)</option>)}
          </select>
        )}
      </header>
      {!g ? (
        <div className="reserve-chart"><Empty title={progress ? 'Learning the codebooks' : 'No codebook yet'} minHeight={300}>{progress ? `Now: ${phaseLabel(progress.phase)}. The codebooks appear here when the run finishes.` : result ? 'This plan stores no layer as PQ (int8 or float32 only).' : 'Learn a codebook to see its codewords, how each model uses them and where they sit among the weights.'}</Empty></div>
      ) : (
        <div className="grid grid-3 reserve-chart">
          <div className="stack-sm">
            <h3>Codebook heatmap</h3>
            <CodebookHeatmap group={g} />
          </div>
          <div className="stack-sm">
            <h3>Codeword usage per model</h3>
            {usage ? <CodewordUsage usage={usage} models={names} /> : <Empty title="No usage figures">Learn the codebook again to compute them.</Empty>}
          </div>
          <div className="stack-sm">
            <h3>Subvectors and codewords in 2-D</h3>
            {proj ? <ProjectionView p={proj} models={names} /> : <Empty title="No projection">Learn the codebook again to compute it.</Empty>}
          </div>
        </div>
      )}
    </section>
  );
}
