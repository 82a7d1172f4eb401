import { describe, expect, it } from 'vitest';
import v1 from './fixtures/v1.json';
import { decodeSettings } from './params';
import { planFromSettings } from './plan';
import { MIGRATIONS, migratePlan } from './migrate';
import { SETTINGS_VERSION } from './schema';
import { basePreset, presetPlan, validatePlan } from '../compress/plan/presets';
import type { Plan } from '../compress/types';

const pairs = (hash: string): [string, string][] => [...new URLSearchParams(hash.replace(/^#/, '')).entries()];

const TIERS = ['coarse-spatial', 'coarse-pointwise', 'medium', 'fine'];

describe('version 1 links', () => {
  it('give the plan the app built from them before versions existed, brought to the current version (edit mark aside)', () => {
    for (const l of v1.links) {
      const dec = decodeSettings(pairs(l.hash));
      const plan = planFromSettings(dec.values);
      const then = migratePlan(l.plan, 2, 'user') as Plan;
      expect({ ...plan, preset: basePreset(plan.preset) }, l.hash).toEqual({ ...then, preset: basePreset(then.preset) });
      // the version 1 problems, then one note per tier codebook the link had that changed or went
      expect(dec.problems.length, l.hash).toBeGreaterThanOrEqual(l.problems);
      for (const p of dec.problems.slice(l.problems)) expect(p).toMatch(/tier codebook/);
      // and with the float activations every plan ran with then (version 3)
      expect(plan.activations, l.hash).toBe('float32');
    }
  });
});

describe('version 2 links', () => {
  it('map tier codebooks to the allocation\'s formats and drop the ladder settings, each with a note', () => {
    const dec = decodeSettings(pairs('#v=2&preset=yono&medium=d2k64&fine=d1k512&coarse-spatial=d4k64&coarse-pointwise=d8k64&tiers=0&z=1&autoplan=1&coarse=16384&codewords=1&budget=0.5'));
    const plan = planFromSettings(dec.values);
    // tiers at their old defaults (medium, coarse-pointwise) go quietly; changed ones become formats
    expect(plan.formats).toEqual([...presetPlan('yono').formats, 's4k64', 'a1k512']);
    expect(plan.budgetPp).toBe(0.5);
    expect(dec.problems.filter((p) => /became the allocation's format/.test(p))).toHaveLength(2);
    for (const k of ['tiers', 'z', 'autoplan', 'coarse', 'codewords']) expect(dec.problems.some((p) => p.includes(`"${k}"`))).toBe(true);
    const none = decodeSettings(pairs('#v=2&preset=pq-shared&fine=d2k128'));
    expect(planFromSettings(none.values).formats).toEqual([]);
    expect(none.problems).toEqual([expect.stringMatching(/"fine".*no allocation; dropped/)]);
  });

  it('leave a current link as it is', () => {
    const dec = decodeSettings(pairs(`#v=${SETTINGS_VERSION}&preset=yono&formats=s9k256,a2k256&kl=0.02`));
    expect(dec.problems).toEqual([]);
    expect(planFromSettings(dec.values).formats).toEqual(['s9k256', 'a2k256']);
  });
});

describe('version 2 links and saved plans', () => {
  it('keep running float32 (the only arithmetic then); a link without settings stays untouched', () => {
    expect(decodeSettings([['v', '2'], ['preset', 'yono'], ['seed', '3']]).values).toEqual({ preset: 'yono', seed: 3, activations: 'float32' });
    expect(decodeSettings([['v', '2'], ['preset', 'yono'], ['act', 'int8']]).values).toEqual({ preset: 'yono', activations: 'int8' });
    expect(decodeSettings([['v', '2'], ['tab', 'learn']]).touched).toBe(false);
    const { activations: _a, ...old } = presetPlan('yono');
    expect((migratePlan(old, 2, 'user') as Plan).activations).toBe('float32');
    expect((migratePlan(old, 2, 'result') as Plan).activations).toBe('float32');
    expect(presetPlan('yono').activations).toBe('int8');
  });

  it('of version 3 (activations) keep their arithmetic through the allocation step', () => {
    const dec = decodeSettings(pairs('#v=3&preset=yono&act=int8&fine=d1k512&autoplan=1'));
    const plan = planFromSettings(dec.values);
    expect(plan.activations).toBe('int8');
    expect(plan.formats).toEqual([...presetPlan('yono').formats, 'a1k512']);
    expect(dec.problems.some((p) => p.includes('"autoplan"'))).toBe(true);
    // a version 2 link of tier keys only is a link that sets the plan: float32, as it ran
    expect(decodeSettings(pairs('#v=2&fine=d1k512')).values.activations).toBe('float32');
    const v3 = { ...presetPlan('yono'), activations: 'int8', fineTier: true, groups: { ...presetPlan('yono').groups, fine: { d: 2, k: 256 } }, overrides: { 'a/x': 'pq-fine' } };
    const p = migratePlan(v3, 3, 'user') as Plan;
    expect(() => validatePlan(p)).not.toThrow();
    expect(p.activations).toBe('int8');
    expect(p.overrides).toEqual({ 'a/x': 'pq:a2k256' });
    expect(p).not.toHaveProperty('fineTier');
  });
});

describe('version 1 saved plans', () => {
  it('become valid current plans, as their preset fills what they lack, keeping what they have', () => {
    for (const s of v1.savedPlans) {
      const user = migratePlan(s.plan, 1, 'user') as Plan;
      expect(() => validatePlan(user), s.commit).not.toThrow();
      expect(user.keep, s.commit).toEqual(s.plan.keep); // what the saved plan had stays
      // the tier ladder is gone: the allocation's formats hold the tiers' codebooks
      for (const t of TIERS) expect(user.groups[t], s.commit).toBeUndefined();
      expect(user.formats, s.commit).toEqual(expect.arrayContaining(['a2k64', 'a2k256']));
      const result = migratePlan(s.plan, 1, 'result') as Plan;
      expect(() => validatePlan(result), s.commit).not.toThrow();
      const own = Object.fromEntries(Object.entries(s.plan.groups).filter(([k]) => !TIERS.includes(k)));
      expect(result.groups, s.commit).toEqual(own); // a result's plan keeps the groups it was learned with
    }
  });

  it('of version 2 lose the ladder: pq-medium and pq-fine overrides become their tiers\' formats', () => {
    const v2 = { ...presetPlan('yono'), fineTier: true, autoPlan: true, selectionZ: 1, coarseMinParams: 16384, recoverableGapPp: 3,
      groups: { ...presetPlan('yono').groups, medium: { d: 2, k: 64 }, fine: { d: 1, k: 512 } }, overrides: { 'a/x': 'pq-medium', 'a/y': 'pq-fine', 'a/z': 'int8' } };
    const p = migratePlan(v2, 2, 'user') as Plan;
    expect(() => validatePlan(p)).not.toThrow();
    expect(p.overrides).toEqual({ 'a/x': 'pq:a2k64', 'a/y': 'pq:a1k512', 'a/z': 'int8' });
    for (const k of ['fineTier', 'autoPlan', 'selectionZ', 'coarseMinParams', 'recoverableGapPp']) expect(p).not.toHaveProperty(k);
  });

  it('are left alone at the current version, and anything not an object passes through', () => {
    const p = v1.savedPlans[0].plan;
    expect(migratePlan(p, SETTINGS_VERSION, 'user')).toBe(p);
    expect(migratePlan(null, 1, 'user')).toBeNull();
    expect(migratePlan([1], 1, 'user')).toEqual([1]);
  });

  it('chain up to the current version, one step per version', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });
});
