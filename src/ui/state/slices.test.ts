import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { fakeServices } from './testing';
import { memoryStore } from './persist/kv';
import { applyShareable, shareableOf } from './shareable';
import { includedModels } from './slices/models';
import { presetPlan, validatePlan } from '../core';

const make = () => createAppStore({ deps: makeDeps(fakeServices()), kv: memoryStore(), saveDelayMs: 0 });

describe('plan slice', () => {
  it('edits d and K per group within limits, and every plan it makes is valid for the pipeline', () => {
    const s = make();
    s.getState().setGroup(0, { d: 4, k: 64 });
    s.getState().setGroup(1, { d: 999, k: 1 });
    expect(s.getState().plan.groups.spatial).toEqual({ d: 4, k: 64 });
    expect(s.getState().plan.groups.pointwise).toEqual({ d: 64, k: 2 });
    s.getState().setGrouping('single');
    expect(s.getState().plan.groups.shared).toEqual({ d: 4, k: 64 }); // from the old first row
    s.getState().setGroup(0, { k: 512 });
    expect(s.getState().plan.groups.shared).toEqual({ d: 4, k: 512 });
    s.getState().setGrouping('paper');
    expect([s.getState().plan.groups.spatial, s.getState().plan.groups.pointwise]).toEqual([{ d: 4, k: 64 }, { d: 64, k: 2 }]); // rows kept
    s.getState().setSeed(-5);
    s.getState().setBudget(NaN);
    expect(s.getState().plan.seed).toBe(0);
    expect(s.getState().plan.budgetPp).toBe(1);
    expect(() => validatePlan(s.getState().plan)).not.toThrow();
    expect(s.getState().plan.preset).toBe('yono*'); // edited: named as the CLI names an edited plan
  });

  it('sets any setting of the schema, clamped to its range, and names the plan after its preset when none differs', () => {
    const s = make();
    s.getState().setSetting('epochs', 1e6);
    s.getState().setSetting('kmeansIter', -4);
    s.getState().setSetting('distill', false);
    expect(s.getState().plan.recovery.epochs).toBe(1000);
    expect(s.getState().plan.kmeans.maxIter).toBe(1);
    expect(s.getState().plan.recovery.distill).toBe(false);
    expect(s.getState().plan.preset).toBe('yono*');
    s.getState().setSetting('epochs', 1);
    s.getState().setSetting('kmeansIter', 30);
    s.getState().setSetting('distill', true);
    s.getState().setSeed(8);
    expect(s.getState().plan).toEqual({ ...presetPlan('yono'), seed: 8 });
  });

  it('edits the allocation settings through the schema (clamped), and a preset change resets them', () => {
    const s = make();
    s.getState().setSetting('formats', ['s9k256', 'a2k256']);
    s.getState().setSetting('klThreshold', 50);
    s.getState().setSetting('flashBytes', -5);
    const p = s.getState().plan;
    expect([p.formats, p.klThreshold, p.flashBytes]).toEqual([['s9k256', 'a2k256'], 10, 0]);
    expect(() => validatePlan(p)).not.toThrow();
    s.getState().setPreset('pq-shared');
    expect(s.getState().plan.formats).toEqual([]);
    s.getState().setPreset('yono');
    expect(s.getState().plan.formats).toEqual(presetPlan('yono').formats);
  });

  it('keeps the seed and per-layer choices when the preset changes', () => {
    const s = make();
    s.getState().setSeed(9);
    s.getState().setLayerFormat('digits/conv1', 'float32');
    s.getState().setPreset('int8');
    expect(s.getState().plan).toEqual({ ...presetPlan('int8'), seed: 9, overrides: { 'digits/conv1': 'float32' } });
    s.getState().setLayerFormat('digits/conv1', null);
    expect(s.getState().plan.overrides).toEqual({});
  });
});

describe('shareable settings', () => {
  it('applies only what differs and keeps per-layer choices', () => {
    const s = make();
    s.getState().setLayerFormat('m/l', 'int8');
    const before = s.getState();
    expect(applyShareable(before, shareableOf(before), true)).toEqual({});
    const next = { ...shareableOf(before), tab: 'learn' as const, plan: { ...shareableOf(before).plan, seed: 3 } };
    const patch = applyShareable(before, next, true);
    expect(Object.keys(patch).sort()).toEqual(['plan', 'tab']);
    expect(patch.plan?.overrides).toEqual({ 'm/l': 'int8' });
    expect(patch.plan?.seed).toBe(3);
    expect(applyShareable(before, next, false).plan).toBeUndefined(); // a hash without plan keys leaves the plan
  });

  it('applies the allocation settings from an edited hash and carries them in shareableOf', () => {
    const s = make();
    s.getState().setSetting('formats', ['s9k256', 'a1k512']);
    expect(shareableOf(s.getState()).plan.formats).toEqual(['s9k256', 'a1k512']);
    const before = s.getState();
    const next = { ...shareableOf(before), plan: { ...shareableOf(before).plan, klThreshold: 0.03 } };
    const patch = applyShareable(before, next, true);
    expect(patch.plan?.klThreshold).toBe(0.03);
    expect(patch.plan?.formats).toEqual(['s9k256', 'a1k512']);
  });
});

describe('models slice', () => {
  it('takes part by default (when its model is trained) and can leave a model out', async () => {
    const s = make();
    const task = { modality: 'image', synthetic: false, description: null, classes: null, samples: null, params: null, macs: null, float32Bytes: null, accuracy: null, sample: null };
    s.setState({ builtins: { status: 'ready', message: null, tasks: [
      { ...task, name: 'digits', modelUrl: '/models/digits/model.json' },
      { ...task, name: 'fashion', modelUrl: null },
    ] } });
    expect(includedModels(s.getState())).toEqual(['digits']);
    s.getState().setIncluded('digits', false);
    expect(includedModels(s.getState())).toEqual([]);
    s.getState().setIncluded('digits', true);
    expect(includedModels(s.getState())).toEqual(['digits']);
  });

  it('shows an import failure inline, not as a toast', async () => {
    const s = make();
    await s.getState().importFiles([]);
    expect(s.getState().importStatus.state).toBe('error');
    expect(s.getState().importStatus.message).toContain('not available yet');
    expect(s.getState().errors).toEqual([]);
  });
});
