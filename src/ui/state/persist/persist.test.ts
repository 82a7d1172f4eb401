import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store';
import { makeDeps } from '../deps';
import { fakeServices } from '../testing';
import { memoryStore } from './kv';
import type { KeyValueStore } from './kv';
import type { ImportedModel, CodebookResult } from '../../services/types';
import { presetPlan } from '../settings';

function model(name: string, n: number): ImportedModel {
  const data = new Float32Array(n).map((_, i) => Math.sin(i) * 0.1);
  return {
    name,
    ir: {
      name, inputShape: [n], output: 'fc',
      layers: [
        { kind: 'input', name: 'input', inputs: [], outputShape: [n] },
        { kind: 'dense', name: 'fc', inputs: ['input'], outputShape: [1], activation: 'linear', kernel: { shape: [n, 1], data }, bias: null },
      ],
    },
    data: { x: new Float32Array([1, 2, 3, 4]), xShape: [1, 4], y: new Int32Array([3]) },
    files: ['model.json', 'weights.bin'],
    importedAt: 1,
  };
}

const result: CodebookResult = {
  report: { totals: { float32Bytes: 100, compressedBytes: 10, ratio: 10 }, codebooks: [], models: [], timingsMs: {} },
  codebooks: [{ name: 'all', d: 2, k: 2, codewords: new Float32Array([0.5, -0.5, 0.25, 1]) }],
  plan: presetPlan('yono'),
  finishedAt: 2,
};

function open(kv: KeyValueStore, over: Partial<Parameters<typeof createAppStore>[0]> = {}) {
  return createAppStore({ deps: makeDeps(fakeServices({ importModel: async () => model('mine', 300) })), kv, saveDelayMs: 0, ...over });
}

describe('persistence', () => {
  it('round-trips the user work through a structured-clone store, typed arrays included', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    a.getState().setPreset('pq-model');
    a.getState().setSeed(42);
    a.setState({ codebookResult: result });
    a.getState().setLayerMode('mine/fc', 'int8');
    await a.storage.flush();

    const b = open(kv);
    await b.hydrated;
    const s = b.getState();
    expect(s.plan).toEqual({ ...presetPlan('pq-model'), seed: 42 });
    expect(s.layerModes).toEqual({ 'mine/fc': 'int8' });
    const layer = s.imported[0].ir.layers[1];
    const original = model('mine', 300).ir.layers[1];
    if (layer.kind !== 'dense' || original.kind !== 'dense') throw new Error('expected a dense layer');
    expect(layer.kernel.data).toBeInstanceOf(Float32Array);
    expect(layer.kernel.data).toEqual(original.kernel.data);
    expect(s.imported[0].data?.y).toBeInstanceOf(Int32Array);
    expect(s.codebookResult?.codebooks[0].codewords).toEqual(new Float32Array([0.5, -0.5, 0.25, 1]));
    expect(s.saveStatus).toBe('saved');
  });

  it('rewrites only the parts that changed', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    await a.storage.flush();
    const spy = vi.spyOn(kv, 'set');
    a.getState().setSeed(5);
    a.getState().setTab('learn'); // not persisted
    a.getState().reportError({ title: 't', message: 'm', action: 'a', source: 'app' });
    await a.storage.flush();
    expect(spy.mock.calls.map((c) => c[0]).sort()).toEqual(['yono:meta', 'yono:plan']);
  });

  it('does not overwrite saved work before it has been read, and a plan from the link wins', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    a.getState().setSeed(9);
    await a.storage.flush();

    const linkPlan = { ...presetPlan('int8'), seed: 77 };
    const b = open(kv, { initial: { plan: linkPlan, hashHadPlan: true } });
    b.getState().setTab('export'); // a change during hydration must not clobber the saved records
    await b.storage.flush();
    await b.hydrated;
    expect(b.getState().imported.map((m) => m.name)).toEqual(['mine']);
    expect(b.getState().plan).toEqual(linkPlan);
    await b.storage.flush();
    const c = open(kv);
    await c.hydrated;
    expect(c.getState().imported).toHaveLength(1);
    expect(c.getState().plan).toEqual(linkPlan); // the link's plan became the saved plan
  });

  it('drops a damaged part with a note and restores the rest', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    a.getState().setSeed(3);
    await a.storage.flush();
    kv.map.set('yono:plan', { preset: 'yono', grouping: 'kernel', groups: [{ d: 'x', k: 1 }], normalization: 'none', seed: 3 });
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().plan).toEqual(presetPlan('yono'));
    expect(b.getState().imported).toHaveLength(1);
    expect(b.getState().errors.map((e) => e.source)).toEqual(['storage']);
    expect(b.getState().errors[0].message).toContain('plan');
  });

  it('keeps working when IndexedDB fails to read or to write', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('IndexedDB is not available')),
      set: () => Promise.reject(new Error('QuotaExceededError')),
      del: () => Promise.resolve(),
    };
    const a = open(broken);
    await a.hydrated;
    expect(a.getState().errors[0].title).toBe('Your saved work could not be read');
    a.getState().setSeed(11);
    await a.storage.flush();
    expect(a.getState().plan.seed).toBe(11);
    expect(a.getState().saveStatus).toBe('error');
    expect(a.getState().errors.map((e) => e.title)).toContain('Your work could not be saved');
  });
});
