/**
 * A synthetic single-lead ECG rhythm task for the generalization suite: 5.12 s windows at 100 Hz of a
 * beat model in the spirit of ECGSYN (McSharry et al. 2003) — each beat a sum of Gaussian P, Q, R, S and
 * T waves — with per-window morphology, gain, baseline wander, muscle noise and sensor noise. Classes are
 * rhythms: normal sinus, sinus bradycardia, sinus tachycardia, atrial fibrillation (irregular RR, no P
 * waves, fibrillatory baseline) and premature ventricular contractions (wide early beats without a P
 * wave, then a compensatory pause). Pure and seeded: the same generator gives the same samples.
 */
import type { Rng } from '../../util/random';

export const ECG_CLASSES = ['normal', 'bradycardia', 'tachycardia', 'atrial fibrillation', 'PVC'] as const;
/** Samples per second. */
export const ECG_RATE = 100;
/** Samples per window (5.12 s). */
export const ECG_WINDOW = 512;

/** One Gaussian wave of a beat: centre (s, relative to the R peak), amplitude (mV), width sd (s). */
interface Wave { at: number; amp: number; sd: number }

const u = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

/** Adds amp * exp(-(t - centre)² / 2sd²) to x around `centre` (seconds), within ±4 sd. */
function addWave(x: Float32Array, centre: number, amp: number, sd: number): void {
  const lo = Math.max(0, Math.ceil((centre - 4 * sd) * ECG_RATE));
  const hi = Math.min(x.length - 1, Math.floor((centre + 4 * sd) * ECG_RATE));
  for (let i = lo; i <= hi; i++) {
    const z = (i / ECG_RATE - centre) / sd;
    x[i] += amp * Math.exp(-0.5 * z * z);
  }
}

/** A window's normal-beat morphology (drawn once per window: one simulated person and lead placement). */
function drawMorphology(rng: Rng): Wave[] {
  const r = u(rng, 0.7, 1.6);
  return [
    { at: -u(rng, 0.15, 0.21), amp: u(rng, 0.08, 0.2), sd: u(rng, 0.018, 0.03) }, // P
    { at: -u(rng, 0.025, 0.04), amp: -u(rng, 0.03, 0.15), sd: u(rng, 0.008, 0.012) }, // Q
    { at: 0, amp: r, sd: u(rng, 0.009, 0.014) }, // R
    { at: u(rng, 0.025, 0.04), amp: -u(rng, 0.1, 0.35), sd: u(rng, 0.008, 0.014) }, // S
    { at: u(rng, 0.22, 0.3), amp: u(rng, 0.15, 0.4), sd: u(rng, 0.035, 0.06) }, // T (QT scaled by √RR)
  ];
}

/** R-peak times (s) and whether each beat is a PVC, for one rhythm class, from before 0 to past the window. */
function beatTimes(cls: number, rng: Rng): { t: number[]; pvc: boolean[]; rr: number } {
  const bpm = cls === 1 ? u(rng, 38, 56) : cls === 2 ? u(rng, 105, 160) : cls === 3 ? u(rng, 70, 150) : u(rng, 60, 100);
  const rr = 60 / bpm;
  const end = ECG_WINDOW / ECG_RATE + 0.6;
  const t: number[] = [];
  const pvc: boolean[] = [];
  const phase = rng() * 2 * Math.PI;
  let now = -rng() * rr;
  // PVC windows: one or two ectopic beats at random places inside the window.
  const ectopic = cls === 4 ? new Set([1 + Math.floor(rng() * 3), ...(rng() < 0.4 ? [4 + Math.floor(rng() * 2)] : [])]) : new Set<number>();
  for (let i = 0; now < end; i++) {
    if (ectopic.has(i) && t.length > 0) {
      // premature: early after the last beat; the sinus beat due now is hidden (compensatory pause),
      // so the next sinus beat keeps the sinus timing
      t.push(t[t.length - 1] + rr * u(rng, 0.55, 0.72));
      pvc.push(true);
      now += rr;
      continue;
    }
    t.push(now);
    pvc.push(false);
    const step = cls === 3
      ? rr * Math.min(1.8, Math.max(0.45, Math.exp(rng.gauss(0, u(rng, 0.12, 0.25)))))
      : rr * (1 + 0.04 * Math.sin(phase + i * 1.3) + rng.gauss(0, 0.015));
    now += step;
  }
  return { t, pvc, rr };
}

/** One window of class `cls` (index into ECG_CLASSES), in mV, (ECG_WINDOW). */
export function ecgWindow(cls: number, rng: Rng): Float32Array {
  if (!Number.isInteger(cls) || cls < 0 || cls >= ECG_CLASSES.length) throw new Error(`ecgWindow: class ${cls} is not in 0..${ECG_CLASSES.length - 1}`);
  const x = new Float32Array(ECG_WINDOW);
  const waves = drawMorphology(rng);
  const { t, pvc, rr } = beatTimes(cls, rng);
  const qt = Math.sqrt(rr); // Bazett: QT grows with √RR
  const pvcAmp = u(rng, 1.0, 2.0) * (rng() < 0.5 ? -1 : 1);
  const pvcSd = u(rng, 0.03, 0.05);
  for (let b = 0; b < t.length; b++) {
    if (pvc[b]) {
      addWave(x, t[b], pvcAmp, pvcSd);
      addWave(x, t[b] + u(rng, 0.28, 0.36), -0.35 * pvcAmp, u(rng, 0.05, 0.08));
      continue;
    }
    for (let k = 0; k < waves.length; k++) {
      const w = waves[k];
      if (k === 0 && cls === 3) continue; // atrial fibrillation: no P waves
      addWave(x, t[b] + (k === 4 ? w.at * qt : w.at), w.amp * (1 + rng.gauss(0, 0.03)), w.sd);
    }
  }
  const gain = u(rng, 0.6, 1.4);
  const wander = { amp: u(rng, 0, 0.3), f: u(rng, 0.1, 0.45), ph: rng() * 2 * Math.PI };
  const noise = u(rng, 0.01, 0.06);
  const fib = cls === 3 ? { amp: u(rng, 0.02, 0.08), f: u(rng, 4, 9), ph: rng() * 2 * Math.PI } : null;
  const emg = rng() < 0.3 ? { from: Math.floor(rng() * ECG_WINDOW), len: 50 + Math.floor(rng() * 150), sd: u(rng, 0.02, 0.08) } : null;
  for (let i = 0; i < ECG_WINDOW; i++) {
    const s = i / ECG_RATE;
    let v = x[i] * gain + wander.amp * Math.sin(2 * Math.PI * wander.f * s + wander.ph) + rng.gauss(0, noise);
    if (fib) v += fib.amp * Math.sin(2 * Math.PI * fib.f * s + fib.ph + 0.6 * Math.sin(2 * Math.PI * 0.7 * s));
    if (emg && i >= emg.from && i < emg.from + emg.len) v += rng.gauss(0, emg.sd);
    x[i] = v;
  }
  return x;
}
