import { describe, expect, it } from 'vitest';
import { barPct, layerBarScales } from './layerBars';

describe('layer small multiples', () => {
  it('share one scale over all models, so the same bytes draw the same bar in every model', () => {
    const a = [{ layer: 'a1', format: 'int8', beforeBytes: 4000, afterBytes: 1000, sqnrDb: 30, sensitivityPp: 0.5 }];
    const b = [{ layer: 'b1', format: 'PQ spatial', beforeBytes: 1000, afterBytes: 100, sqnrDb: 999, sensitivityPp: null }];
    const s = layerBarScales([a, b]);
    expect(s).toEqual({ maxBytes: 4000, maxSqnr: 30, maxSens: 0.5 });
    expect(barPct(1000, s.maxBytes, true)).toBe(50);
    expect(barPct(4000, s.maxBytes, true)).toBe(100);
    expect(barPct(0.0001, s.maxBytes)).toBe(1);
    expect(barPct(null, s.maxBytes)).toBe(0);
  });
});
