import { describe, expect, it } from 'vitest';
import { allFrames, createLearnDemo, firstFrame, nextFrame } from './session';
import { mse, sqnrDb } from '../pq/metrics';

const settings = { rows: 24, cols: 12, d: 2, k: 8, seed: 7 };

describe('Learn demo frames', () => {
  it('is deterministic for a seed and differs for another', () => {
    const a = allFrames(createLearnDemo(settings));
    const b = allFrames(createLearnDemo(settings));
    expect(b).toEqual(a);
    const c = allFrames(createLearnDemo({ ...settings, seed: 8 }));
    expect(c.at(-1)!.recon!.mse).not.toBe(a.at(-1)!.recon!.mse);
  });

  it('goes weights -> cut -> init -> (assign, update)* -> assign -> reconstruct', () => {
    const frames = allFrames(createLearnDemo(settings));
    const phases = frames.map((f) => f.phase);
    expect(phases.slice(0, 4)).toEqual(['weights', 'cut', 'init', 'assign']);
    expect(phases.at(-1)).toBe('reconstruct');
    expect(phases.at(-2)).toBe('assign');
    expect(frames.at(-2)!.changed).toBe(0);
    expect(frames.at(-1)!.done).toBe(true);
    expect(nextFrame(createLearnDemo(settings), frames.at(-1)!)).toBeNull();
    frames.forEach((f, i) => expect(f.step).toBe(i));
  });

  it('never raises the inertia from one frame to the next, for many seeds and sizes', () => {
    for (let seed = 0; seed < 12; seed++) {
      for (const [rows, cols, d, k] of [[24, 12, 2, 8], [32, 16, 4, 16], [9, 5, 3, 64], [64, 32, 2, 64]]) {
        const frames = allFrames(createLearnDemo({ rows, cols, d, k, seed }));
        const inertias = frames.map((f) => f.inertia).filter((v): v is number => v !== null);
        expect(inertias.length).toBeGreaterThan(1);
        for (let i = 1; i < inertias.length; i++) expect(inertias[i]).toBeLessThanOrEqual(inertias[i - 1] * (1 + 1e-12));
      }
    }
  });

  it('reconstructs with the error and the bytes the frames imply', () => {
    const demo = createLearnDemo(settings);
    const last = allFrames(demo).at(-1)!;
    const r = last.recon!;
    expect(r.mse).toBe(mse(demo.kernel, r.kernel));
    expect(r.sqnrDb).toBe(sqnrDb(demo.kernel, r.kernel));
    // Reconstruction MSE = inertia / weights when there is no padding (24 rows, d = 2).
    expect(r.mse).toBeCloseTo(last.inertia! / demo.kernel.length, 6);
    expect(r.bits).toBe(3);
    expect(r.indexBytes).toBe(Math.ceil((demo.n * 3) / 8));
    expect(r.codebookBytes).toBe(8 * 2 * 4);
    expect(r.float32Bytes).toBe(24 * 12 * 4);
  });

  it('cuts an oversized codebook to the number of subvectors', () => {
    const demo = createLearnDemo({ rows: 4, cols: 2, d: 4, k: 64, seed: 1 });
    expect(demo.n).toBe(2);
    expect(demo.k).toBe(2);
    expect(allFrames(demo).at(-1)!.recon!.mse).toBe(0);
    expect(() => createLearnDemo({ ...settings, d: 1 })).toThrow(/d must be >= 2/);
  });

  it('keeps each step under a 16 ms frame at the largest demo size (CPU time)', () => {
    // CPU time of this process, not wall time: the machine is shared (load average > 10 seen), and a
    // step's cost is what it computes. Best of three passes, so one GC pause does not decide it.
    const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const worst: number[] = [];
    const all: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const demo = createLearnDemo({ rows: 64, cols: 32, d: 2, k: 64, seed: 3 + pass });
      let f = firstFrame();
      let max = 0;
      for (;;) {
        const t0 = cpuMs();
        const next = nextFrame(demo, f);
        const dt = cpuMs() - t0;
        max = Math.max(max, dt);
        all.push(dt);
        if (!next) break;
        f = next;
      }
      expect(f.phase).toBe('reconstruct');
      worst.push(max);
    }
    all.sort((a, b) => a - b);
    expect(Math.min(...worst)).toBeLessThan(16);
    expect(all[all.length >> 1]).toBeLessThan(4);
  });
});
