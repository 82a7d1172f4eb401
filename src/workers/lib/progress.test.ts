import { describe, expect, it } from 'vitest';
import type { Progress } from '../../core/util/progress';
import { scaled, throttled } from './progress';

describe('throttled', () => {
  it('passes phase changes and completion, drops chatter within the interval', () => {
    let t = 0;
    const seen: Progress[] = [];
    const f = throttled((p) => { seen.push(p); }, 100, () => t)!;
    f({ fraction: 0.1, phase: 'a' });
    t = 10; f({ fraction: 0.2, phase: 'a' });
    t = 20; f({ fraction: 0.3, phase: 'b' });
    t = 30; f({ fraction: 1, phase: 'b' });
    t = 200; f({ fraction: 0.5, phase: 'b' });
    expect(seen.map((p) => p.fraction)).toEqual([0.1, 0.3, 1, 0.5]);
  });

  it('survives a callback that throws or rejects', () => {
    const f = throttled(() => { throw new Error('gone'); })!;
    expect(() => f({ fraction: 0, phase: 'x' })).not.toThrow();
    const g = throttled(() => Promise.reject(new Error('gone')) as unknown as void)!;
    expect(() => g({ fraction: 0, phase: 'x' })).not.toThrow();
  });
});

describe('scaled', () => {
  it('maps and clamps into its share', () => {
    const seen: number[] = [];
    const f = scaled((p) => { seen.push(p.fraction); }, 0.5, 0.25)!;
    f({ fraction: 0, phase: 'p' });
    f({ fraction: 2, phase: 'p' });
    expect(seen).toEqual([0.5, 0.75]);
  });
});
