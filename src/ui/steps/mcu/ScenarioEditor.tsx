/**
 * The request pattern as periodic tasks (model, period). Empty means the simulator's default scenario for
 * the compressed models (keywords every 1 s, activity every 2 s, the image tasks every 5 s, others every 3 s).
 */
import { useApp } from '../../state/appStore';
import { includedModels } from '../../state/slices/models';

export function ScenarioEditor({ disabled, ran }: { disabled: boolean; ran: { model: string; periodMs: number }[] | null }) {
  const scenario = useApp((s) => s.scenario);
  const setScenario = useApp((s) => s.setScenario);
  const models = useApp((s) => (s.codebookResult ? s.codebookResult.models.map((m) => m.name) : includedModels(s)));
  const update = (i: number, patch: Partial<{ model: string; periodMs: number }>) =>
    setScenario(scenario.map((t, j) => (i === j ? { ...t, ...patch } : t)));
  return (
    <div className="stack-sm">
      {scenario.length === 0 && (
        <p className="small muted">
          Default scenario{ran ? `: ${ran.map((t) => `${t.model} every ${t.periodMs / 1000} s`).join(', ')}` : ' of the simulator (every model, mixed periods)'}. Add tasks to make your own.
        </p>
      )}
      {scenario.map((t, i) => (
        <div key={i} className="row">
          <select className="select" aria-label={`Task ${i + 1} model`} value={t.model} disabled={disabled} onChange={(e) => update(i, { model: e.target.value })}>
            {[...new Set([t.model, ...models])].map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
          <span className="small muted">every</span>
          <input className="input" style={{ width: 90 }} type="number" min={1} aria-label={`Task ${i + 1} period (ms)`} value={t.periodMs} disabled={disabled}
            onChange={(e) => { const v = e.target.valueAsNumber; if (v > 0) update(i, { periodMs: v }); }} />
          <span className="small muted">ms</span>
          <button type="button" className="btn btn-sm btn-ghost" disabled={disabled} onClick={() => setScenario(scenario.filter((_, j) => j !== i))} aria-label={`Remove task ${i + 1}`}>Remove</button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-sm" disabled={disabled || models.length === 0}
          onClick={() => setScenario([...scenario, { model: models[scenario.length % models.length], periodMs: 1000 }])}>Add task</button>
      </div>
    </div>
  );
}
