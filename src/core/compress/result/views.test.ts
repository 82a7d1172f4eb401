import { describe, expect, it } from 'vitest';
import { zooModels, zooResult } from '../../bundle/testing/zoo';
import { codebookProjections, codewordUsage } from './views';

describe('codebook views', () => {
  const floats = zooModels();
  const result = zooResult(floats);

  it('counts every PQ subvector once, per group and model', () => {
    const usage = codewordUsage(result);
    expect(usage.map((u) => u.group)).toEqual(result.codebooks.map((c) => c.name));
    for (const u of usage) {
      for (const m of u.models) {
        const model = result.models.find((x) => x.name === m.model)!;
        const expected = Object.values(model.encodings).reduce((a, e) => a + (e.format === 'pq' && e.group === u.group ? e.layout.count : 0), 0);
        expect(m.counts.length).toBe(u.k);
        expect(m.counts.reduce((a, b) => a + b, 0)).toBe(expected);
        expect(expected).toBeGreaterThan(0);
      }
    }
  });

  it('projects a seeded sample of subvectors and all codewords to 2-D', () => {
    const a = codebookProjections(result, floats, 100, 5);
    const b = codebookProjections(result, floats, 100, 5);
    for (const p of a) {
      const n = Math.min(100, p.total);
      expect(p.points.length).toBe(2 * n);
      expect(p.pointModel.length).toBe(n);
      expect(p.codewords.length).toBe(2 * p.k);
      expect(Array.from(p.points).every(Number.isFinite)).toBe(true);
      expect(p.explained[0]).toBeGreaterThanOrEqual(p.explained[1]);
      expect(p.explained[0] + p.explained[1]).toBeLessThanOrEqual(1 + 1e-9);
      expect(Math.max(...p.pointModel)).toBeLessThan(p.models.length);
    }
    expect(Array.from(a[0].points)).toEqual(Array.from(b[0].points));
  });
});
