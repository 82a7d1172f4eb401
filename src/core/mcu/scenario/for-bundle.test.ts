import { describe, expect, it } from 'vitest';
import { zooModels, zooResult } from '../../bundle/testing/zoo';
import { writeBundle } from '../../bundle/write';
import { readBundle } from '../../bundle/read';
import { bundleCounts, scenarioDuration, scenarioFor } from './for-bundle';

describe('scenarioFor', () => {
  it('keeps the default tasks of the models it knows and adds the others every 3 s', () => {
    const s = scenarioFor([], ['digits', 'mine']);
    expect(s.tasks.map((t) => t.model)).toEqual(['digits', 'mine']);
    expect(s.tasks[1].periodMs).toBe(3000);
    expect(s.durationMs).toBe(60_000);
  });

  it('staggers user tasks and rejects models the bundle lacks', () => {
    const s = scenarioFor([{ model: 'a', periodMs: 1000 }, { model: 'b', periodMs: 40_000 }], ['a', 'b']);
    expect(s.tasks.map((t) => t.offsetMs)).toEqual([0, 250]);
    expect(s.durationMs).toBe(120_000);
    expect(() => scenarioFor([{ model: 'z', periodMs: 10 }], ['a'])).toThrow(/asks for z/);
    expect(scenarioDuration([{ periodMs: 1e9 }])).toBe(600_000);
  });
});

describe('bundleCounts', () => {
  it('measures every model of the bundle by running it', () => {
    const models = zooModels();
    const counts = bundleCounts(readBundle(writeBundle(zooResult(models))));
    expect(counts.map((c) => c.model)).toEqual(models.map((m) => m.name));
    for (const c of counts) expect(c.layers.reduce((a, l) => a + l.macs, 0)).toBeGreaterThan(0);
  });
});
