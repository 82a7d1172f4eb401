import type { PeriodicTask, Scenario } from './types';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${where} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') throw new Error(`${where} must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Reads a scenario from parsed JSON (e.g. a `--scenario FILE.json`), checking every field:
 * `{ "kind": "periodic", "durationMs": 60000, "tasks": [{ "model": "keywords", "periodMs": 1000, "offsetMs": 0 }] }`
 * or `{ "kind": "explicit", "requests": [{ "atMs": 0, "model": "digits" }], "durationMs": 10000 }`.
 * `kind` may be left out when `tasks` or `requests` makes it clear.
 */
export function parseScenario(json: unknown): Scenario {
  if (!isObj(json)) throw new Error('a scenario must be a JSON object with `tasks` (periodic) or `requests` (explicit)');
  const kind = json.kind ?? (Array.isArray(json.tasks) ? 'periodic' : Array.isArray(json.requests) ? 'explicit' : undefined);
  if (kind === 'periodic') {
    if (!Array.isArray(json.tasks)) throw new Error('a periodic scenario needs `tasks`: [{ model, periodMs, offsetMs? }]');
    const tasks: PeriodicTask[] = json.tasks.map((t, i) => {
      if (!isObj(t)) throw new Error(`tasks[${i}] must be an object { model, periodMs, offsetMs? }`);
      const task: PeriodicTask = { model: str(t.model, `tasks[${i}].model`), periodMs: num(t.periodMs, `tasks[${i}].periodMs`) };
      if (t.offsetMs !== undefined) task.offsetMs = num(t.offsetMs, `tasks[${i}].offsetMs`);
      return task;
    });
    return { kind: 'periodic', durationMs: num(json.durationMs, 'durationMs'), tasks };
  }
  if (kind === 'explicit') {
    if (!Array.isArray(json.requests)) throw new Error('an explicit scenario needs `requests`: [{ atMs, model }]');
    const requests = json.requests.map((r, i) => {
      if (!isObj(r)) throw new Error(`requests[${i}] must be an object { atMs, model }`);
      return { atMs: num(r.atMs, `requests[${i}].atMs`), model: str(r.model, `requests[${i}].model`) };
    });
    return json.durationMs === undefined ? { kind: 'explicit', requests } : { kind: 'explicit', requests, durationMs: num(json.durationMs, 'durationMs') };
  }
  throw new Error(`unknown scenario kind ${JSON.stringify(kind)}: use "periodic" (with tasks) or "explicit" (with requests)`);
}
