/** Store behaviour around runs: interrupted runs after a reload, the run history, stale marks, the sweep click. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { fakeServices } from './testing';
import { memoryStore } from './persist/kv';
import type { KeyValueStore } from './persist/kv';
import type { CodebookResult, Services } from '../services/types';
import { presetPlan } from '../core';
import { formatDiff, HISTORY_SIZE } from './slices/history';
import { resultStaleReason, sweepStale } from './stale';

function result(bytes: number, formats: Record<string, string>): CodebookResult {
  const layers = Object.entries(formats).map(([name, f]) => ({
    name, kind: 'dense', params: 10, compressed: f !== 'float32', format: f.startsWith('pq') ? 'pq' : f, codebook: f.startsWith('pq') ? f.slice(3) : null,
    sqnrDb: null, bytes: 1, float32Bytes: 4, sensitivityPp: null, recovered: false,
  }));
  return {
    plan: presetPlan('yono'), codebooks: [],
    models: [{ name: 'm', ir: { name: 'm', inputShape: [1], output: 'x', layers: [] }, encodings: {}, accuracyFloat: 0.9, accuracyCompressed: 0.89, valAccuracyFloat: 0.9, valAccuracyCompressed: 0.9, float32Bytes: 400, compressedBytes: bytes, layers, recovery: [] }],
    totals: { float32Bytes: 400, compressedBytes: bytes, ratio: 400 / bytes, codebookBytes: 0, headerBytes: 0 },
    timingsMs: { extract: 0, kmeans: 0, assign: 0, evaluate: 0, sensitivity: 0, recovery: 0, total: 0 },
  } as unknown as CodebookResult;
}

function open(kv: KeyValueStore, over: Partial<Services> = {}) {
  return createAppStore({ deps: makeDeps(fakeServices(over)), kv, saveDelayMs: 0 });
}

describe('runs', () => {
  it('a reload in the middle of a run says it was interrupted and can restart it', async () => {
    const kv = memoryStore();
    const a = open(kv, { learnCodebook: () => new Promise(() => undefined) });
    await a.hydrated;
    a.getState().setSeed(7);
    void a.getState().learnCodebook();
    expect(a.getState().activeRun?.key).toBe('codebook');
    a.getState().setSeed(8); // the plan changes while it runs: the run keeps the plan it started with
    await a.storage.flush();
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().interruptedRun).toMatchObject({ key: 'codebook', label: 'Learning the codebook' });
    expect(b.getState().interruptedRun?.plan?.seed).toBe(7);
    expect(b.getState().plan.seed).toBe(8);
    expect(b.getState().activeRun).toBeNull();
    b.getState().dismissInterrupted();
    expect(b.getState().interruptedRun).toBeNull();
  });

  it('a finished run is not reported as interrupted', async () => {
    const kv = memoryStore();
    const a = open(kv, { learnCodebook: async () => ({ result: result(40, { fc: 'pq:spatial' }), views: { usage: [], projections: [] } }) });
    await a.hydrated;
    await a.getState().learnCodebook();
    expect(a.getState().activeRun).toBeNull();
    await a.storage.flush();
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().interruptedRun).toBeNull();
    expect(b.getState().history).toHaveLength(1);
  });

  it('keeps the last runs with their plans and says which layer formats differ between two', async () => {
    let n = 0;
    const kv = memoryStore();
    const s = open(kv, { learnCodebook: async () => ({ result: n++ % 2 ? result(50, { a: 'pq:spatial', b: 'int8' }) : result(40, { a: 'pq:fine', b: 'int8' }), views: { usage: [], projections: [] } }) });
    await s.hydrated;
    await s.getState().learnCodebook();
    s.getState().setSeed(7);
    await s.getState().learnCodebook();
    const [newest, older] = s.getState().history;
    expect(newest.plan.seed).toBe(7);
    expect(older.plan.seed).not.toBe(7);
    expect(formatDiff(older, newest)).toEqual([{ key: 'm/a', a: 'pq:fine', b: 'pq:spatial' }]);
    for (let i = 0; i < HISTORY_SIZE + 3; i++) await s.getState().learnCodebook();
    expect(s.getState().history).toHaveLength(HISTORY_SIZE);
  });

  it('marks the result stale when the plan changes, and again after a reload', async () => {
    const kv = memoryStore();
    const a = open(kv, { learnCodebook: async () => ({ result: result(40, { fc: 'int8' }), views: { usage: [], projections: [] } }) });
    await a.hydrated;
    await a.getState().learnCodebook();
    expect(resultStaleReason(a.getState())).toBe('');
    a.getState().setGroup(0, { k: 16 });
    expect(resultStaleReason(a.getState())).toBe('computed for another plan');
    await a.storage.flush();
    const b = open(kv);
    await b.hydrated;
    expect(resultStaleReason(b.getState())).toBe('computed for another plan');
  });

  it('a sweep click sets exactly the groups the sweep ran with and names them; the sweep is not stale for it', async () => {
    const s = open(memoryStore(), { runSweep: async () => [{ d: 2, k: 16, bytes: 100, accuracy: 0.9 }] });
    await s.hydrated;
    await s.getState().runSweep();
    const before = s.getState().plan.groups;
    const changed = s.getState().loadSweepPoint({ d: 2, k: 16, bytes: 100, accuracy: 0.9 });
    const after = s.getState().plan.groups;
    expect(changed).toEqual(Object.keys(before).filter((g) => before[g].d !== 2 || before[g].k !== 16));
    expect(Object.values(after).every((g) => g.d === 2 && g.k === 16)).toBe(true);
    expect(s.getState().plan.preset.endsWith('*')).toBe(true);
    expect(sweepStale(s.getState())).toBe(false);
    s.getState().setNormalization('none');
    expect(sweepStale(s.getState())).toBe(true);
  });
});

describe('estimates', () => {
  it('reads the models\' shapes once per model and keeps the newest quick SQNR only', async () => {
    const calls: string[][] = [];
    const answers: ((v: { model: string; layer: string; sqnrDb: number }[]) => void)[] = [];
    const s = open(memoryStore(), {
      loadBuiltins: async () => ({ status: 'ready', tasks: [{ name: 'm', modality: 'image', synthetic: false, description: null, classes: null, samples: null, params: null, macs: null, float32Bytes: null, accuracy: null, modelUrl: '/models/m/model.json', sample: null }] }),
      modelShapes: async (refs) => { calls.push(refs.map((r) => (r.kind === 'builtin' ? r.name : r.model.name))); return refs.map((r) => ({ ir: { name: r.kind === 'builtin' ? r.name : r.model.name, inputShape: [1], output: 'x', layers: [] }, float32Bytes: 4, unitSpread: {} })); },
      quickSqnr: () => new Promise((res) => { answers.push(res); }),
    });
    await s.hydrated;
    await s.getState().loadBuiltins();
    await s.getState().loadShapes();
    await s.getState().loadShapes();
    expect(calls).toEqual([['m']]);
    expect(Object.keys(s.getState().shapes)).toEqual(['m']);
    const first = s.getState().runQuickSqnr();
    s.getState().setSeed(9);
    const second = s.getState().runQuickSqnr();
    answers[1]([{ model: 'm', layer: 'fc', sqnrDb: 20 }]);
    await second;
    answers[0]([{ model: 'm', layer: 'fc', sqnrDb: 10 }]);
    await first;
    expect(s.getState().quickSqnr?.layers[0].sqnrDb).toBe(20);
    expect(s.getState().quickSqnr?.plan.seed).toBe(9);
  });
});

describe('model shapes', () => {
  it('are dropped with the imported model they belong to', async () => {
    const s = open(memoryStore());
    await s.hydrated;
    s.setState({ shapes: { mine: { ir: { name: 'mine', inputShape: [1], output: 'x', layers: [] }, float32Bytes: 4, unitSpread: {} } } });
    s.getState().removeImported('mine');
    expect(s.getState().shapes).toEqual({});
  });
});
