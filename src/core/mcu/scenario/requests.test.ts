import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, expandScenario } from './requests';

describe('expandScenario', () => {
  it('expands periodic tasks over the duration, sorted, ties in task order', () => {
    const r = expandScenario({ kind: 'periodic', durationMs: 3000, tasks: [{ model: 'a', periodMs: 1000 }, { model: 'b', periodMs: 1500 }] });
    expect(Array.from(r.atUs)).toEqual([0, 0, 1e6, 1.5e6, 2e6]);
    expect(Array.from(r.model, (i) => r.models[i])).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(r.endUs).toBe(3e6);
  });

  it('sorts an explicit list stably and has no fixed end unless given', () => {
    const r = expandScenario({ kind: 'explicit', requests: [{ atMs: 5, model: 'x' }, { atMs: 1, model: 'y' }, { atMs: 5, model: 'z' }] });
    expect(Array.from(r.model, (i) => r.models[i])).toEqual(['y', 'x', 'z']);
    expect(r.endUs).toBeNull();
  });

  it('has the four tasks in the default scenario', () => {
    expect(expandScenario(DEFAULT_SCENARIO).models.sort()).toEqual(['activity', 'digits', 'fashion', 'keywords']);
  });

  it('rejects bad periods and times with a message naming the field', () => {
    expect(() => expandScenario({ kind: 'periodic', durationMs: 10, tasks: [{ model: 'a', periodMs: 0 }] })).toThrow(/task 0 \(a\) periodMs/);
    expect(() => expandScenario({ kind: 'explicit', requests: [{ atMs: -1, model: 'a' }] })).toThrow(/request 0 atMs/);
    expect(() => expandScenario({ kind: 'periodic', durationMs: 1e9, tasks: [{ model: 'a', periodMs: 1 }] })).toThrow(/more than/);
  });
});
