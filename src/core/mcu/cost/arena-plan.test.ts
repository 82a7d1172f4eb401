import { describe, expect, it } from 'vitest';
import { IRBuilder } from '../reference-models/builder';
import { planArena } from './arena-plan';

describe('planArena', () => {
  it('keeps a residual input alive until the add, and excludes the graph input and output', () => {
    const b = new IRBuilder('res', [4, 4, 2]);
    const a = b.conv2d(2, [3, 3], [1, 1], 'same', 'relu', { name: 'a' }); // 32 elements
    b.conv2d(2, [3, 3], [1, 1], 'same', 'relu', { name: 'b' }); // 32
    b.add(a, 'b', 'relu', 'add'); // 32
    b.flatten('flat');
    b.dense(3, 'linear', { name: 'out' });
    const p = planArena(b.build(), 1);
    // layers: input, a, b, add, flat, out
    expect(p.perLayer).toEqual([0, 32, 64, 96, 32, 32]);
    expect(p.peak).toBe(96);
  });

  it('frees a buffer after its last reader', () => {
    const b = new IRBuilder('chain', [10]);
    b.dense(100, 'relu', { name: 'h1' });
    b.dense(50, 'relu', { name: 'h2' });
    b.dense(20, 'relu', { name: 'h3' });
    b.dense(5, 'linear', { name: 'o' });
    const p = planArena(b.build(), 4);
    expect(p.perLayer).toEqual([0, 400, 600, 280, 80]);
  });
});
