import { describe, expect, it } from 'vitest';
import { ECG_CLASSES, ECG_WINDOW, ecgWindow } from './ecg';
import { createRng } from '../../util/random';

/** Beats in a window: upward crossings of 55 % of the range above the median (R peaks of upright QRS). */
function beats(x: Float32Array): number {
  const sorted = Float32Array.from(x).sort();
  const med = sorted[x.length >> 1];
  const thr = med + 0.55 * (sorted[x.length - 1] - med);
  let n = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1] < thr && x[i] >= thr) n++;
  return n;
}

describe('ecgWindow', () => {
  it('is deterministic for a seed and one window long', () => {
    const a = ecgWindow(0, createRng(3));
    expect(a.length).toBe(ECG_WINDOW);
    expect(ecgWindow(0, createRng(3))).toEqual(a);
    expect(ecgWindow(0, createRng(4))).not.toEqual(a);
  });
  it('beats slower in bradycardia and faster in tachycardia than in normal rhythm', () => {
    const rng = createRng(11);
    const mean = (cls: number) => {
      let s = 0;
      for (let i = 0; i < 30; i++) s += beats(ecgWindow(cls, rng));
      return s / 30;
    };
    const [normal, brady, tachy] = [mean(0), mean(1), mean(2)];
    expect(brady).toBeLessThan(normal);
    expect(tachy).toBeGreaterThan(normal);
  });
  it('rejects an unknown class', () => {
    expect(() => ecgWindow(ECG_CLASSES.length, createRng(1))).toThrow(/not in 0..4/);
  });
});
