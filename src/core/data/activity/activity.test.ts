import { describe, expect, it } from 'vitest';
import { RealFft } from '../audio/fft';
import { createRng } from '../../util/random';
import { generateActivitySplits } from './dataset';
import { ACTIVITY_CLASSES, LYING, RUNNING, SITTING, STAIRS_UP, STANDING, WALKING } from './params';
import { drawPerson } from './person';
import { ACTIVITY_RATE, ACTIVITY_WINDOW, generateWindow } from './window';

const opts = { seed: 11, persons: { train: 5, val: 1, test: 2 }, windowsPerActivity: 3 };

/** Per-class averages of simple physical features over many windows of many people. */
function classStats(transitionP = 0) {
  const fft = new RealFft(ACTIVITY_WINDOW);
  const pow = new Float64Array(ACTIVITY_WINDOW / 2 + 1);
  const stats = ACTIVITY_CLASSES.map(() => ({ freq: 0, std: 0, meanY: 0, tilt: 0, norm: 0, n: 0 }));
  const rng = createRng(99);
  const w = new Float32Array(ACTIVITY_WINDOW * 3);
  for (let p = 0; p < 24; p++) {
    const person = drawPerson(rng);
    for (let a = 0; a < ACTIVITY_CLASSES.length; a++) {
      generateWindow(a, person, rng, w, 0, { transitionP });
      const mag = new Float64Array(ACTIVITY_WINDOW);
      let mx = 0, my = 0, mz = 0;
      for (let t = 0; t < ACTIVITY_WINDOW; t++) {
        const x = w[3 * t], y = w[3 * t + 1], z = w[3 * t + 2];
        mag[t] = Math.hypot(x, y, z);
        mx += x / ACTIVITY_WINDOW; my += y / ACTIVITY_WINDOW; mz += z / ACTIVITY_WINDOW;
      }
      const mean = mag.reduce((s, v) => s + v, 0) / ACTIVITY_WINDOW;
      let v2 = 0;
      for (let t = 0; t < ACTIVITY_WINDOW; t++) { mag[t] -= mean; v2 += mag[t] * mag[t]; }
      fft.power(mag, pow);
      let k = 1;
      for (let i = 2; i < pow.length; i++) if (pow[i] > pow[k]) k = i;
      const s = stats[a];
      s.freq += (k * ACTIVITY_RATE) / ACTIVITY_WINDOW;
      s.std += Math.sqrt(v2 / ACTIVITY_WINDOW);
      s.meanY += my;
      s.tilt += (Math.atan2(Math.hypot(mx, mz), my) * 180) / Math.PI;
      s.norm += Math.hypot(mx, my, mz);
      s.n++;
    }
  }
  return stats.map((s) => ({ freq: s.freq / s.n, std: s.std / s.n, meanY: s.meanY / s.n, tilt: s.tilt / s.n, norm: s.norm / s.n }));
}

describe('activity generator', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const a = generateActivitySplits(opts);
    const b = generateActivitySplits(opts);
    expect(a.test.x).toEqual(b.test.x);
    expect(a.train.y).toEqual(b.train.y);
    const c = generateActivitySplits({ ...opts, seed: 12 });
    expect(c.test.x).not.toEqual(a.test.x);
  });

  it('makes balanced splits of the right size with people in one split only', () => {
    const d = generateActivitySplits(opts);
    expect(d.train.y.length).toBe(5 * 7 * 3);
    expect(d.test.x.length).toBe(2 * 7 * 3 * ACTIVITY_WINDOW * 3);
    for (let c = 0; c < 7; c++) expect(d.val.y.filter((y) => y === c).length).toBe(3);
    const people = (s: keyof typeof d) => new Set(d[s].person);
    expect([...people('train')].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...people('val')]).toEqual([5]);
    expect([...people('test')].sort()).toEqual([6, 7]);
    expect(d.train.x.every((v) => Number.isFinite(v) && Math.abs(v) <= 8)).toBe(true);
  });

  it('has the physics we claim: cadence, energy, gravity and posture differ between classes', () => {
    const s = classStats();
    // running: higher step frequency and far more movement than walking; walking ~1.6-2.1 steps/s
    expect(s[RUNNING].freq).toBeGreaterThan(s[WALKING].freq + 0.5);
    expect(s[WALKING].freq).toBeGreaterThan(1.5);
    expect(s[WALKING].freq).toBeLessThan(2.2);
    expect(s[RUNNING].std).toBeGreaterThan(2 * s[WALKING].std);
    // stair ascent is slower than level walking
    expect(s[STAIRS_UP].freq).toBeLessThan(s[WALKING].freq);
    // static postures barely move and read about 1 g
    for (const a of [SITTING, STANDING, LYING]) {
      expect(s[a].std).toBeLessThan(0.05);
      expect(Math.abs(s[a].norm - 1)).toBeLessThan(0.05);
    }
    // upright: gravity on the device's y axis; lying: mostly off it
    expect(s[STANDING].meanY).toBeGreaterThan(0.95);
    expect(s[LYING].meanY).toBeLessThan(0.4);
    // sitting tilts the pelvis: more tilt from the device's y axis than standing
    expect(s[SITTING].tilt).toBeGreaterThan(s[STANDING].tilt + 8);
  });
});
