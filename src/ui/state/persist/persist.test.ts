import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store';
import { makeDeps } from '../deps';
import { fakeServices } from '../testing';
import { memoryStore } from './kv';
import type { KeyValueStore } from './kv';
import type { ImportedModel, CodebookResult } from '../../services/types';
import { decodeHash } from '../hash';
import { settingsOf, presetPlan, SETTINGS_VERSION } from '../../core';

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
    numClasses: 1,
    files: ['model.json', 'weights.bin'],
    importedAt: 1,
  };
}

const result: CodebookResult = {
  plan: presetPlan('yono'),
  codebooks: [{ name: 'shared', d: 2, k: 2, codebook: new Float32Array([0.5, -0.5, 0.25, 1]), layers: ['mine/fc'] }],
  models: [],
  totals: { float32Bytes: 100, compressedBytes: 10, ratio: 10, codebookBytes: 16, headerBytes: 0 },
  timingsMs: { calibrate: 0, codebooks: 1, table: 0, select: 0, total: 1 },
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
    a.getState().setPreset('pq-per-model');
    a.getState().setSeed(42);
    a.setState({ codebookResult: result });
    a.getState().setLayerFormat('mine/fc', 'int8');
    await a.storage.flush();

    const b = open(kv);
    await b.hydrated;
    const s = b.getState();
    expect(s.plan).toEqual({ ...presetPlan('pq-per-model'), seed: 42, overrides: { 'mine/fc': 'int8' } });
    const layer = s.imported[0].ir.layers[1];
    const original = model('mine', 300).ir.layers[1];
    if (layer.kind !== 'dense' || original.kind !== 'dense') throw new Error('expected a dense layer');
    expect(layer.kernel.data).toBeInstanceOf(Float32Array);
    expect(layer.kernel.data).toEqual(original.kernel.data);
    expect(s.imported[0].data?.y).toBeInstanceOf(Int32Array);
    expect(s.codebookResult?.codebooks[0].codebook).toEqual(new Float32Array([0.5, -0.5, 0.25, 1]));
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

  it('does not overwrite saved work before it has been read, and puts the link settings on the saved plan', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    a.getState().setSeed(9);
    a.getState().setLayerFormat('mine/fc', 'float32');
    await a.storage.flush();

    // Same preset in the link: the link's d/K/seed on top of the saved plan, overrides kept.
    const link = { ...settingsOf(presetPlan('yono')), seed: 77, spatial: { d: 4, k: 16 }, pointwise: { d: 2, k: 32 } };
    const b = open(kv, { initial: { linkPlan: link } });
    b.getState().setTab('export'); // a change during hydration must not clobber the saved records
    await b.storage.flush();
    await b.hydrated;
    expect(b.getState().imported.map((m) => m.name)).toEqual(['mine']);
    const p = b.getState().plan;
    expect(settingsOf(p)).toEqual(link);
    expect(p.overrides).toEqual({ 'mine/fc': 'float32' });
    await b.storage.flush();
    const c = open(kv);
    await c.hydrated;
    expect(c.getState().imported).toHaveLength(1);
    expect(settingsOf(c.getState().plan)).toEqual(link); // the link's settings became the saved plan

    // Another preset in the link: the link's plan, still with the saved overrides.
    const other = settingsOf(presetPlan('int8'));
    const d = open(kv, { initial: { linkPlan: other, plan: presetPlan('int8') } });
    await d.hydrated;
    expect(d.getState().plan).toEqual({ ...presetPlan('int8'), overrides: { 'mine/fc': 'float32' } });
  });

  it('drops a damaged part with a note and restores the rest', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    await a.getState().importFiles([]);
    a.getState().setSeed(3);
    await a.storage.flush();
    kv.map.set('yono:plan', { ...presetPlan('yono'), groups: { default: { d: 'x', k: 1 } } });
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().plan).toEqual(presetPlan('yono'));
    expect(b.getState().imported).toHaveLength(1);
    expect(b.getState().errors.map((e) => e.source)).toEqual(['storage']);
    expect(b.getState().errors[0].message).toContain('plan');
  });

  it('fills in plan fields added since the plan was saved (settings version 1), from its preset', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    a.getState().setSeed(21);
    await a.storage.flush();
    const old = { ...(kv.map.get('yono:plan') as Record<string, unknown>) };
    delete old.selectionMarginPp;
    kv.map.set('yono:plan', old);
    kv.map.set('yono:codebookResult', { ...result, plan: old });
    kv.map.set('yono:meta', { ...(kv.map.get('yono:meta') as object), version: 1 });
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().errors).toEqual([]);
    expect(b.getState().plan.seed).toBe(21);
    expect(b.getState().plan.selectionMarginPp).toBe(presetPlan('yono').selectionMarginPp);
    expect(b.getState().codebookResult).not.toBeNull();
  });

  it('round-trips edited allocation settings, and a link\'s settings go on top of the saved ones', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    a.getState().setSetting('formats', ['s9k256', 'a2k256']);
    a.getState().setSetting('klThreshold', 0.02);
    await a.storage.flush();

    const b = open(kv);
    await b.hydrated;
    expect(b.getState().plan.formats).toEqual(['s9k256', 'a2k256']);
    expect(b.getState().plan.klThreshold).toBe(0.02);
    expect(b.getState().plan).toEqual(a.getState().plan);

    // A link of the same preset that sets the formats: they win over the saved ones.
    const link = decodeHash(`#v=${SETTINGS_VERSION}&preset=yono&formats=a2k64,p8k256`).settings.plan;
    const c = open(kv, { initial: { linkPlan: link } });
    await c.hydrated;
    expect(c.getState().plan.formats).toEqual(['a2k64', 'p8k256']);
    // A link without those keys leaves the saved settings as they are.
    const old = decodeHash(`#v=${SETTINGS_VERSION}&preset=yono&seed=5`).settings.plan;
    const d = open(kv, { initial: { linkPlan: old } });
    await d.hydrated;
    expect(d.getState().plan.klThreshold).toBe(0.02);
    expect(d.getState().plan.seed).toBe(5);
  });

  it('gives a saved plan without tier groups (an older version) its preset\'s tiers, not its result\'s plan', async () => {
    const kv = memoryStore();
    const a = open(kv);
    await a.hydrated;
    a.getState().setGroup(0, { d: 5 });
    await a.storage.flush();
    const saved = kv.map.get('yono:plan') as Record<string, unknown>;
    const groups = { ...(saved.groups as Record<string, unknown>) };
    for (const k of ['coarse-spatial', 'coarse-pointwise', 'medium', 'fine']) delete groups[k];
    const old = { ...saved, groups };
    kv.map.set('yono:plan', old);
    kv.map.set('yono:codebookPlan', old);
    kv.map.set('yono:meta', { ...(kv.map.get('yono:meta') as object), version: 1 });
    const b = open(kv);
    await b.hydrated;
    expect(b.getState().errors).toEqual([]);
    expect(b.getState().plan.groups).toEqual({ ...presetPlan('yono').groups, spatial: { d: 5, k: 64 } });
    expect(b.getState().codebookPlan?.groups).not.toHaveProperty('medium'); // what that result was learned with
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
