import type { Scenario } from './types';

/** Requests in arrival order, as parallel arrays (the simulator's hot loop reads them). */
export interface RequestList {
  /** Arrival time of each request, microseconds. */
  atUs: Float64Array;
  /** Index into `models` of each request. */
  model: Int32Array;
  /** Distinct model names in first-seen order. */
  models: string[];
  /** End of the timeline, microseconds, or null to end at the last completion. */
  endUs: number | null;
}

/**
 * The default scenario of the workbench: keywords every 1 s, activity every 2 s, and the two image tasks
 * every 5 s, over 60 s (114 requests); offsets keep requests from arriving together.
 */
export const DEFAULT_SCENARIO: Scenario = {
  kind: 'periodic',
  durationMs: 60_000,
  tasks: [
    { model: 'keywords', periodMs: 1000, offsetMs: 0 },
    { model: 'digits', periodMs: 5000, offsetMs: 250 },
    { model: 'activity', periodMs: 2000, offsetMs: 500 },
    { model: 'fashion', periodMs: 5000, offsetMs: 2750 },
  ],
};

/** Upper bound on generated requests, so a typo in a period cannot exhaust memory. */
export const MAX_REQUESTS = 5_000_000;

function checkMs(v: unknown, what: string, min: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    throw new Error(`${what} must be a number >= ${min}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Expands a scenario into requests sorted by arrival (stable: task order, then list order, breaks ties). */
export function expandScenario(s: Scenario): RequestList {
  const times: number[] = [];
  const names: string[] = [];
  let endUs: number | null = null;
  if (s.kind === 'periodic') {
    const dur = checkMs(s.durationMs, 'scenario durationMs', 0);
    if (!Array.isArray(s.tasks) || s.tasks.length === 0) throw new Error('a periodic scenario needs at least one task');
    s.tasks.forEach((t, i) => {
      if (typeof t.model !== 'string' || !t.model) throw new Error(`task ${i}: model must be a non-empty string`);
      const period = checkMs(t.periodMs, `task ${i} (${t.model}) periodMs`, 1e-3);
      const off = checkMs(t.offsetMs ?? 0, `task ${i} (${t.model}) offsetMs`, 0);
      if ((dur - off) / period > MAX_REQUESTS) throw new Error(`task ${t.model} would make more than ${MAX_REQUESTS} requests: raise periodMs or shorten durationMs`);
      for (let k = 0; off + k * period < dur; k++) { times.push((off + k * period) * 1000); names.push(t.model); }
    });
    endUs = dur * 1000;
  } else {
    if (!Array.isArray(s.requests)) throw new Error('an explicit scenario needs a `requests` array of { atMs, model }');
    if (s.requests.length > MAX_REQUESTS) throw new Error(`more than ${MAX_REQUESTS} requests`);
    s.requests.forEach((r, i) => {
      if (typeof r.model !== 'string' || !r.model) throw new Error(`request ${i}: model must be a non-empty string`);
      times.push(checkMs(r.atMs, `request ${i} atMs`, 0) * 1000);
      names.push(r.model);
    });
    if (s.durationMs !== undefined) endUs = checkMs(s.durationMs, 'scenario durationMs', 0) * 1000;
  }
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const models: string[] = [];
  const idOf = new Map<string, number>();
  const atUs = new Float64Array(order.length);
  const model = new Int32Array(order.length);
  order.forEach((src, k) => {
    let id = idOf.get(names[src]);
    if (id === undefined) { id = models.length; models.push(names[src]); idOf.set(names[src], id); }
    atUs[k] = times[src];
    model[k] = id;
  });
  return { atUs, model, models, endUs };
}
