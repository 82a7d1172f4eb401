import { describe, expect, it } from 'vitest';
import { NODE, formatColor, layoutGraph } from './layout';

describe('model graph layout', () => {
  it('puts a chain in one column, top to bottom, edges from each layer to the next', () => {
    const g = layoutGraph([
      { name: 'in', inputs: [], weight: false },
      { name: 'c1', inputs: ['in'], weight: true },
      { name: 'relu', inputs: ['c1'], weight: false },
      { name: 'fc', inputs: ['relu'], weight: true },
    ]);
    expect(new Set(g.nodes.map((n) => n.x)).size).toBe(1);
    for (let i = 1; i < g.nodes.length; i++) expect(g.nodes[i].y).toBeGreaterThan(g.nodes[i - 1].y + g.nodes[i - 1].h);
    expect(g.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['in>c1', 'c1>relu', 'relu>fc']);
    expect(g.nodes[1].h).toBe(NODE.tall);
    expect(g.width).toBe(NODE.w + 2 * NODE.pad);
  });

  it('places a residual branch beside the main path and the add below both', () => {
    const g = layoutGraph([
      { name: 'in', inputs: [], weight: false },
      { name: 'a', inputs: ['in'], weight: true },
      { name: 'b', inputs: ['a'], weight: true },
      { name: 'skip', inputs: ['in'], weight: true },
      { name: 'add', inputs: ['b', 'skip'], weight: false },
    ]);
    const at = (n: string) => g.nodes.find((x) => x.name === n)!;
    expect(at('skip').y).toBe(at('a').y);
    expect(at('skip').x).not.toBe(at('a').x);
    expect(at('add').y).toBeGreaterThan(at('b').y);
    for (const n of g.nodes) expect(n.x + n.w).toBeLessThanOrEqual(g.width);
  });

  it('colours formats apart', () => {
    const c = ['int8', 'float32'].map((f) => formatColor(f, null)).concat(['spatial', 'pointwise', 'fine'].map((gr) => formatColor('pq', gr)));
    expect(new Set(c).size).toBe(c.length);
  });
});
