import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import type { LayerChoice } from './knapsack';
import { fitBytes, firstWithin, hull, lagrangianPath } from './knapsack';

function randomLayers(n: number, opts: number, seed: number): LayerChoice[] {
  const r = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    layer: `l${i}`,
    options: Array.from({ length: opts }, (_, j) => ({ format: `f${j}`, bytes: 10 + r.int(200), loss: r() * 0.1 })),
  }));
}

/** Every allocation of the layers (brute force). */
function all(layers: LayerChoice[]): { choice: number[]; bytes: number; loss: number }[] {
  let out = [{ choice: [] as number[], bytes: 0, loss: 0 }];
  for (const l of layers) {
    out = out.flatMap((a) => l.options.map((o, j) => ({ choice: [...a.choice, j], bytes: a.bytes + o.bytes, loss: a.loss + o.loss })));
  }
  return out;
}

describe('knapsack', () => {
  it('the hull is convex and keeps the cheapest and the least-loss options', () => {
    const [l] = randomLayers(1, 8, 1);
    const h = hull(l.options);
    const o = l.options;
    expect(o[h[0]].bytes).toBe(Math.min(...o.map((x) => x.bytes)));
    expect(o[h[h.length - 1]].loss).toBe(Math.min(...o.map((x) => x.loss)));
    for (let i = 2; i < h.length; i++) {
      const s1 = (o[h[i - 2]].loss - o[h[i - 1]].loss) / (o[h[i - 1]].bytes - o[h[i - 2]].bytes);
      const s2 = (o[h[i - 1]].loss - o[h[i]].loss) / (o[h[i]].bytes - o[h[i - 1]].bytes);
      expect(s2).toBeLessThan(s1);
    }
  });

  it('every allocation on the path minimises bytes + μ·loss over all allocations for its μ (brute force)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const layers = randomLayers(4, 4, seed);
      const path = lagrangianPath(layers);
      const every = all(layers);
      for (let i = 1; i < path.length; i++) {
        const mu = (path[i].bytes - path[i - 1].bytes) / (path[i - 1].loss - path[i].loss);
        if (!Number.isFinite(mu) || mu <= 0) continue;
        const best = Math.min(...every.map((a) => a.bytes + mu * a.loss));
        expect(path[i].bytes + mu * path[i].loss).toBeCloseTo(best, 6);
        expect(path[i - 1].bytes + mu * path[i - 1].loss).toBeCloseTo(best, 6);
      }
      for (let i = 1; i < path.length; i++) {
        expect(path[i].bytes).toBeGreaterThanOrEqual(path[i - 1].bytes);
        expect(path[i].loss).toBeLessThanOrEqual(path[i - 1].loss + 1e-12);
      }
      expect(path[0].bytes).toBe(Math.min(...every.map((a) => a.bytes)));
    }
  });

  it('the first allocation within a loss target is on the path and within it', () => {
    const path = lagrangianPath(randomLayers(5, 5, 9));
    const t = path[Math.floor(path.length / 2)].loss;
    const i = firstWithin(path, t);
    expect(path[i].loss).toBeLessThanOrEqual(t);
    expect(i === 0 || path[i - 1].loss > t).toBe(true);
  });

  it('fitting a byte budget never exceeds it, and spends it where it can', () => {
    const models = [randomLayers(3, 4, 11), randomLayers(2, 5, 12)];
    const path = lagrangianPath(models.flat());
    for (const budget of [0, path[0].bytes + 50, path[0].bytes + 400, path[path.length - 1].bytes + 100, 1e9]) {
      const r = fitBytes(models, budget + 32, 32);
      if (budget < path[0].bytes) { expect(r).toBeNull(); continue; }
      expect(r!.bytes).toBeLessThanOrEqual(budget + 32);
      const check = models.flatMap((m, i) => m.map((l, j) => l.options[r!.choice[i][j]].bytes)).reduce((a, b) => a + b, 0) + 32;
      expect(check).toBe(r!.bytes);
    }
  });
});
