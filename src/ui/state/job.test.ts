import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { fakeServices } from './testing';
import { memoryStore } from './persist/kv';
import { WorkerCrashError } from '../workers/errors';
import type { CodebookResult, JobOptions, Services } from '../services/types';
import { presetPlan } from '../core';

const result = { plan: presetPlan('yono'), codebooks: [], models: [] } as unknown as CodebookResult;
const outcome = { result, views: { usage: [], projections: [] } };

function storeWith(over: Partial<Services>, now = () => 0) {
  const deps = { ...makeDeps(fakeServices(over)), now };
  return createAppStore({ deps, kv: memoryStore(), saveDelayMs: 0 });
}

describe('jobs', () => {
  it('marks a missing core part as unavailable without an error toast', async () => {
    const s = storeWith({});
    await s.getState().learnCodebook();
    expect(s.getState().codebookRun.status).toBe('unavailable');
    expect(s.getState().codebookRun.message).toContain('not available yet');
    expect(s.getState().errors).toEqual([]);
  });

  it('settles at once on cancel, even if the worker has not noticed yet', async () => {
    let seen: AbortSignal | undefined;
    const s = storeWith({ learnCodebook: (_r, o?: JobOptions) => { seen = o?.signal; return new Promise(() => undefined); } });
    const run = s.getState().learnCodebook();
    expect(s.getState().codebookRun.status).toBe('running');
    s.getState().cancelCodebook();
    await run;
    expect(seen?.aborted).toBe(true);
    expect(s.getState().codebookRun.status).toBe('cancelled');
    expect(s.getState().codebookResult).toBeNull();
  });

  it('reports a worker crash with what to do, and the next run works', async () => {
    let calls = 0;
    const s = storeWith({
      learnCodebook: async () => {
        if (calls++ === 0) throw new WorkerCrashError('The codebook worker stopped unexpectedly (out of memory?).');
        return outcome;
      },
    });
    await s.getState().learnCodebook();
    expect(s.getState().codebookRun.status).toBe('error');
    const [err] = s.getState().errors;
    expect(err.source).toBe('worker');
    expect(err.action).toContain('restarted');
    await s.getState().learnCodebook();
    expect(s.getState().codebookRun.status).toBe('done');
    expect(s.getState().codebookResult).toBe(result);
  });

  it('throttles progress within a phase but passes phase changes and the end, and never goes back', async () => {
    let t = 0;
    const seen: string[] = [];
    const s = storeWith({
      learnCodebook: async (_r, o) => {
        for (let i = 0; i < 10; i++) { t += 10; o?.onProgress?.({ fraction: i / 10, phase: 'kmeans' }); }
        t += 1; o?.onProgress?.({ fraction: 0, phase: 'assign' });
        o?.onProgress?.({ fraction: 1.5, phase: 'assign' });
        return outcome;
      },
    }, () => t);
    let last: unknown = null;
    s.subscribe((st) => { const p = st.codebookRun.progress; if (p && p !== last) seen.push(`${p.phase}:${p.fraction}`); last = p; });
    await s.getState().learnCodebook();
    // The new phase's 0 does not pull the bar back from 0.8: progress is forward-only.
    expect(seen).toEqual(['starting:0', 'kmeans:0', 'kmeans:0.8', 'assign:0.8', 'assign:1']);
  });
});

describe('late progress', () => {
  it('is ignored once the job has settled (progress and result travel on different channels)', async () => {
    let late: ((p: { fraction: number; phase: string }) => void) | undefined;
    const s = storeWith({ learnCodebook: async (_r, o) => { late = o?.onProgress; return outcome; } });
    await s.getState().learnCodebook();
    expect(s.getState().codebookRun.status).toBe('done');
    late?.({ fraction: 1, phase: 'views' });
    expect(s.getState().codebookRun.status).toBe('done');
  });
});
