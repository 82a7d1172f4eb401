import { describe, expect, it } from 'vitest';
import { formatEta, progressTracker } from './progress';

describe('progressTracker', () => {
  it('never goes backwards, whatever the worker reports', () => {
    let t = 0;
    const track = progressTracker(() => t);
    const raw = [0, 0.1, 0.51, 0.44, 0.96, 0.56, 0.97, NaN, -1, 1];
    const seen = raw.map((f, i) => { t = i * 1000; return track({ fraction: f, phase: `p${i}` }).fraction; });
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen).toEqual([0, 0.1, 0.51, 0.51, 0.96, 0.96, 0.97, 0.97, 0.97, 1]);
  });

  it('estimates the time left from the pace so far, once there is enough to go on', () => {
    let t = 0;
    const track = progressTracker(() => t);
    t = 500;
    expect(track({ fraction: 0.2, phase: 'a' }).etaMs).toBeNull();
    t = 10_000;
    expect(track({ fraction: 0.25, phase: 'a' }).etaMs).toBe(30_000);
    t = 20_000;
    expect(track({ fraction: 1, phase: 'done' }).etaMs).toBeNull();
  });
});

describe('progressTracker when the bar stalls', () => {
  it('counts the time left down while the bar holds, then says it is overdue instead of "under 5 s left"', () => {
    let t = 0;
    const track = progressTracker(() => t);
    t = 99_000;
    expect(track({ fraction: 0.99, phase: 'sensitivity' }).etaMs).toBe(1000);
    t = 99_500; // a report without a move: the estimate counts down, it does not restart
    expect(track({ fraction: 0.992, phase: 'sensitivity' }).etaMs).toBe(500);
    t = 120_000;
    const late = track({ fraction: 0.995, phase: 'sensitivity' });
    expect(late.overdue).toBe(true);
    expect(late.etaMs).toBeNull();
    t = 130_000;
    const done = track({ fraction: 1, phase: 'done' });
    expect(done.overdue).toBeUndefined();
    expect(done.fraction).toBe(1);
  });
});

describe('formatEta', () => {
  it('says the time left in words a person reads at a glance', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(2000)).toBe('under 5 s left');
    expect(formatEta(42_000)).toBe('about 40 s left');
    expect(formatEta(80_000)).toBe('about 1 min 20 s left');
    expect(formatEta(119_000)).toBe('about 2 min left');
  });
});
