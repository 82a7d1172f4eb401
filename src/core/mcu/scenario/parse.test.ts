import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

describe('parseScenario', () => {
  it('reads periodic and explicit scenarios, inferring the kind', () => {
    expect(parseScenario({ durationMs: 100, tasks: [{ model: 'a', periodMs: 10, offsetMs: 5 }] }))
      .toEqual({ kind: 'periodic', durationMs: 100, tasks: [{ model: 'a', periodMs: 10, offsetMs: 5 }] });
    expect(parseScenario({ kind: 'explicit', requests: [{ atMs: 3, model: 'b' }] }))
      .toEqual({ kind: 'explicit', requests: [{ atMs: 3, model: 'b' }] });
  });

  it('names the bad field', () => {
    expect(() => parseScenario([])).toThrow(/JSON object/);
    expect(() => parseScenario({ tasks: [{ model: 'a', periodMs: '1' }], durationMs: 1 })).toThrow(/tasks\[0\]\.periodMs must be a number/);
    expect(() => parseScenario({ requests: [{ atMs: 1 }] })).toThrow(/requests\[0\]\.model/);
    expect(() => parseScenario({ kind: 'poisson' })).toThrow(/unknown scenario kind "poisson"/);
  });
});
