import type { Rng } from '../../util/random';
import type { GaitParams, PostureParams } from './params';
import { LYING } from './params';
import type { Person } from './person';
import { DEG } from './rotation';

/** Internal simulation rate (Hz) and oversampling factor over the 50 Hz output. */
export const SIM_RATE = 200;
export const OVERSAMPLE = 4;

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Circular Gaussian bump on the step phase (period 1) centred at `at`. */
function bump(phi: number, at: number, width: number): number {
  let d = phi - at;
  d -= Math.round(d);
  return Math.exp(-0.5 * (d / width) * (d / width));
}

/** A smooth random signal: sum of 3 sines with random low frequencies and phases, rms about 1. */
function smoothNoise(rng: Rng, fLo: number, fHi: number): (t: number) => number {
  const f = [rng.uniform(fLo, fHi), rng.uniform(fLo, fHi), rng.uniform(fLo, fHi)];
  const p = [rng.uniform(0, 6.283), rng.uniform(0, 6.283), rng.uniform(0, 6.283)];
  const a = [rng.uniform(0.5, 1), rng.uniform(0.5, 1), rng.uniform(0.5, 1)];
  const norm = Math.sqrt(2 / (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]));
  return (t) => norm * (a[0] * Math.sin(2 * Math.PI * f[0] * t + p[0]) + a[1] * Math.sin(2 * Math.PI * f[1] * t + p[1]) + a[2] * Math.sin(2 * Math.PI * f[2] * t + p[2]));
}

/** World "up" seen in body axes (x forward, y left, z up) for trunk pitch, roll and twist about the long axis. */
function gravityBody(pitch: number, roll: number, twist: number, out: Float64Array, o: number): void {
  const gx = -Math.sin(pitch), gy = Math.cos(pitch) * Math.sin(roll), gz = Math.cos(pitch) * Math.cos(roll);
  const c = Math.cos(twist), s = Math.sin(twist);
  out[o] = c * gx + s * gy;
  out[o + 1] = -s * gx + c * gy;
  out[o + 2] = gz;
}

/**
 * Body-frame specific force (g) of a gait over `n` samples at SIM_RATE: (n x 3) as (forward, left, up).
 * Step phase advances at the person's cadence with drift and timing jitter; each step has a heel-strike
 * impact pulse, a centre-of-mass bounce, activity-specific bumps, a braking pulse; sway at the stride rate.
 */
export function gaitMotion(p: GaitParams, a: number, person: Person, rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n * 3);
  const T = n / SIM_RATE;
  const f0 = person.cadence[a] * rng.gauss(1, 0.03);
  const drift = rng.gauss(0, 0.04);
  const phase0 = rng.uniform(0, 2);
  const jitter = smoothNoise(rng, 0.2, 1.2);
  const jitterAmp = rng.uniform(0.01, 0.04);
  const amp = person.amp * rng.gauss(1, 0.08);
  const imp = p.impact[0] * person.impact * rng.gauss(1, 0.1);
  const w = p.impact[1] * person.impactWidth;
  const lean = (person.pitch[a] + rng.gauss(0, 1.5)) * DEG;
  const steps = Math.ceil(f0 * T * 1.2) + 4;
  const stepAmp = new Float64Array(steps);
  for (let k = 0; k < steps; k++) stepAmp[k] = 1 + ((k & 1) === 0 ? person.asym : -person.asym) + rng.gauss(0, 0.06);
  // Means over one step, subtracted so that steady gait has no net acceleration.
  const impMean = imp * w * SQRT_2PI;
  let bumpMean = 0;
  for (const b of p.bumps) bumpMean += b.amp * b.width * SQRT_2PI;
  const brakeMean = p.brake * 0.05 * SQRT_2PI;
  const k0 = Math.floor(phase0);
  for (let i = 0; i < n; i++) {
    const t = i / SIM_RATE;
    const phase = phase0 + f0 * (t + drift * (t * t / (2 * T) - t / 2)) + jitterAmp * jitter(t);
    const k = Math.floor(phase);
    const phi = phase - k;
    const sa = stepAmp[Math.min(steps - 1, Math.max(0, k - k0))];
    let up = p.vertical * Math.cos(2 * Math.PI * phi + person.phaseV) + imp * bump(phi, 0, w) - impMean - bumpMean;
    for (const b of p.bumps) up += b.amp * bump(phi, b.at, b.width);
    const fwd = p.forward * Math.sin(2 * Math.PI * phi + person.phaseF) - p.brake * bump(phi, 0.04, 0.05) + brakeMean;
    const lat = p.lateral * Math.sin(Math.PI * phase + person.phaseL);
    const pitch = lean + p.pitchOsc * DEG * Math.sin(2 * Math.PI * phi + person.phaseF);
    const roll = p.rollOsc * DEG * Math.sin(Math.PI * phase + person.phaseL);
    gravityBody(pitch, roll, 0, out, 3 * i);
    out[3 * i] += amp * sa * fwd;
    out[3 * i + 1] += amp * lat;
    out[3 * i + 2] += amp * sa * up;
  }
  return out;
}

/**
 * Body-frame specific force (g) of a static posture: gravity through the trunk pose with slow sway,
 * breathing, small postural accelerations and sometimes a fidget or weight shift. Lying picks a pose
 * per window (on the back, either side, or the front) by turning the trunk about its long axis.
 */
export function postureMotion(p: PostureParams, a: number, person: Person, rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n * 3);
  let pitch = person.pitch[a] + rng.gauss(0, 1.5);
  let twist = 0;
  if (a === LYING) {
    const u = rng.next();
    twist = (u < 0.45 ? 0 : u < 0.65 ? 90 : u < 0.85 ? -90 : 180) + rng.gauss(0, 10);
    pitch = Math.max(-100, Math.min(-60, pitch));
  }
  const swayP = smoothNoise(rng, 0.05, 0.6), swayR = smoothNoise(rng, 0.05, 0.6);
  const accX = smoothNoise(rng, 0.2, 2), accY = smoothNoise(rng, 0.2, 2), accZ = smoothNoise(rng, 0.2, 2);
  const tilt = p.swayTilt * rng.uniform(0.5, 1.5);
  const acc = p.swayAcc * person.amp * rng.uniform(0.5, 1.5);
  const fb = rng.uniform(0.2, 0.35), pb = rng.uniform(0, 6.283);
  const breath = p.breath * rng.uniform(0.5, 1.5);
  const T = n / SIM_RATE;
  const fidget = rng.next() < p.fidgetP;
  const ft0 = rng.uniform(0, T), fdur = rng.uniform(0.3, 1.2), famp = p.fidget * person.amp * rng.uniform(0.5, 1.5);
  const fshift = rng.gauss(0, 2) * DEG;
  const fnoise = [smoothNoise(rng, 1, 5), smoothNoise(rng, 1, 5), smoothNoise(rng, 1, 5)];
  for (let i = 0; i < n; i++) {
    const t = i / SIM_RATE;
    let pt = pitch * DEG + tilt * DEG * swayP(t);
    const rt = tilt * DEG * swayR(t);
    let fx = acc * accX(t) + breath * Math.sin(2 * Math.PI * fb * t + pb), fy = acc * accY(t), fz = acc * accZ(t) + 0.3 * breath * Math.sin(2 * Math.PI * fb * t + pb);
    if (fidget) {
      const u = (t - ft0) / fdur;
      if (u > 0) pt += fshift * Math.min(1, u); // the posture adjusts during the movement and stays
      if (u > 0 && u < 1) {
        const env = Math.sin(Math.PI * u) ** 2;
        fx += famp * env * fnoise[0](t);
        fy += famp * env * fnoise[1](t);
        fz += famp * env * fnoise[2](t);
      }
    }
    gravityBody(pt, rt, twist * DEG, out, 3 * i);
    out[3 * i] += fx;
    out[3 * i + 1] += fy;
    out[3 * i + 2] += fz;
  }
  return out;
}
