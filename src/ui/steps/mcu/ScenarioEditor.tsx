/**
 * The request pattern as periodic tasks (model, period). Empty means the simulator's default scenario
 * (a mix of the four tasks).
 */
import { useApp } from '../../state/appStore';
import { includedModels } from '../../state/slices/models';

export function ScenarioEditor({ disabled }: { disabled: boolean }) {
  const scenario = useApp((s) => s.scenario);
  const setScenario = useApp((s) => s.setScenario);
  const models = useApp((s) => includedModels(s));
  const update = (i: number, patch: Partial<{ model: string; periodMs: number }>) =>
    setScenario(scenario.map((t, j) => (i === j ? { ...t, ...patch } : t)));
  return (
    <div className="stack-sm">
      {scenario.length === 0 && <p className="small muted">Default scenario of the simulator (all tasks, mixed periods). Add tasks to make your own.</p>}
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
          onClick={() => setScenario([...scenario, { model: models[0], periodMs: 1000 }])}>Add task</button>
      </div>
    </div>
  );
}
