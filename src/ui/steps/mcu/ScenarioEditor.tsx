/**
 * The request pattern as periodic tasks (model, period). Empty means the simulator's default scenario for
 * the compressed models (keywords every 1 s, activity every 2 s, the image tasks every 5 s, others every 3 s).
 */
import { useApp } from '../../state/appStore';
import { includedModels } from '../../state/slices/models';

type Task = { model: string; periodMs: number };
const list = (ts: Task[]) => ts.map((t) => `${t.model} every ${t.periodMs / 1000} s`).join(', ');

/**
 * The caption under the scenario: what the next run will use (the editor's tasks, or the simulator's
 * default when there are none) and, apart from it, what the last simulation ran, marked when it differs.
 */
export function scenarioCaption(scenario: Task[], ran: Task[] | null): string {
  const next = scenario.length ? `Next run: ${list(scenario)}.` : 'Next run: the simulator\'s default scenario (every model, mixed periods). Add tasks to make your own.';
  if (!ran) return next;
  const same = scenario.length > 0 && list(scenario) === list(ran);
  return same ? `${next} The last simulation ran this scenario.` : `${next} The last simulation ran: ${list(ran)}${scenario.length ? ' (changed since: run again)' : ''}.`;
}

export function ScenarioEditor({ disabled, ran }: { disabled: boolean; ran: { model: string; periodMs: number }[] | null }) {
  const scenario = useApp((s) => s.scenario);
  const setScenario = useApp((s) => s.setScenario);
  const models = useApp((s) => (s.codebookResult ? s.codebookResult.models.map((m) => m.name) : includedModels(s)));
  const update = (i: number, patch: Partial<{ model: string; periodMs: number }>) =>
    setScenario(scenario.map((t, j) => (i === j ? { ...t, ...patch } : t)));
  return (
    <div className="stack-sm">
      <p className="small muted" data-testid="scenario-caption">{scenarioCaption(scenario, ran)}</p>
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
