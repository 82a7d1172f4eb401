import type { Rng } from '../../util/random';
import { gaitMotion, OVERSAMPLE, postureMotion, SIM_RATE } from './motion';
import { ACTIVITY_PARAMS, LYING, NEIGHBOURS, SITTING, STANDING } from './params';
import type { Person } from './person';
import { apply, DEG, mul, rotX, rotY, rotZ, transpose } from './rotation';

/** Output: 128 samples at 50 Hz (2.56 s), 3 axes, in g. */
export const ACTIVITY_RATE = SIM_RATE / OVERSAMPLE;
export const ACTIVITY_WINDOW = 128;
/** Sensor range (g): readings saturate here. */
export const ACTIVITY_RANGE = 8;

/** Options of one window. */
export interface WindowOptions {
  /** Probability that part of the window shows a neighbouring activity (default 0.12). */
  transitionP?: number;
}

function motion(a: number, person: Person, rng: Rng, n: number): Float64Array {
  const p = ACTIVITY_PARAMS[a];
  return p.kind === 'gait' ? gaitMotion(p, a, person, rng, n) : postureMotion(p, a, person, rng, n);
}

const isPosture = (a: number): boolean => a === SITTING || a === STANDING || a === LYING;

/**
 * With probability `pT`, blends a neighbouring activity into the start or the end of the window
 * (10-35 % of it, raised-cosine cross-fade over 0.5 s), plus a movement burst at a posture change.
 */
function maybeTransition(f: Float64Array, a: number, person: Person, rng: Rng, n: number, pT: number): void {
  if (rng.next() >= pT) return;
  const b = rng.pick(NEIGHBOURS[a]);
  const g = motion(b, person, rng, n);
  const frac = rng.uniform(0.1, 0.35);
  const atStart = rng.next() < 0.5;
  const edge = Math.round((atStart ? frac : 1 - frac) * n);
  const ramp = Math.round(0.5 * SIM_RATE);
  const burst = isPosture(a) && isPosture(b) ? rng.uniform(0.08, 0.25) * person.amp : 0;
  const bp = [rng.uniform(0, 6.283), rng.uniform(0, 6.283), rng.uniform(0, 6.283)];
  for (let i = 0; i < n; i++) {
    const u = Math.max(-1, Math.min(1, (i - edge) / ramp)); // -1 .. 1 across the ramp
    const wMain = atStart ? 0.5 + 0.5 * Math.sin((u * Math.PI) / 2) : 0.5 - 0.5 * Math.sin((u * Math.PI) / 2);
    const env = Math.abs(u) < 1 ? Math.cos((u * Math.PI) / 2) ** 2 : 0;
    for (let c = 0; c < 3; c++) {
      const k = 3 * i + c;
      f[k] = wMain * f[k] + (1 - wMain) * g[k] + burst * env * Math.sin(2 * Math.PI * 2.5 * (i / SIM_RATE) + bp[c]);
    }
  }
}

/**
 * Simulates one accelerometer window of activity `a` for `person`: body-frame motion, an optional
 * transition, projection through the device orientation (with a little per-window wobble), 4x
 * box-car decimation to 50 Hz, then sensor gain, bias, white noise and saturation.
 * Writes (128 x 3) values in g, axes (x, y, z) of the device, into `out` at `offset`.
 */
export function generateWindow(a: number, person: Person, rng: Rng, out: Float32Array, offset = 0, opts: WindowOptions = {}): void {
  const n = ACTIVITY_WINDOW * OVERSAMPLE;
  const f = motion(a, person, rng, n);
  maybeTransition(f, a, person, rng, n, opts.transitionP ?? 0.12);
  // body <- device: yaw about the body's vertical axis, then small tilts; device axes (x, y, z) are the
  // rotated body (left, up, forward): the device stands upright with its screen facing out.
  const R = mul(rotZ(person.yaw + rng.gauss(0, 6) * DEG), mul(rotX(person.tiltX + rng.gauss(0, 2) * DEG), rotY(person.tiltY + rng.gauss(0, 2) * DEG)));
  const Rt = transpose(R);
  const v = new Float64Array(3);
  for (let j = 0; j < ACTIVITY_WINDOW; j++) {
    let sx = 0, sy = 0, sz = 0;
    for (let q = 0; q < OVERSAMPLE; q++) {
      const k = 3 * (j * OVERSAMPLE + q);
      apply(Rt, f[k], f[k + 1], f[k + 2], v, 0);
      sx += v[1];
      sy += v[2];
      sz += v[0];
    }
    const o = offset + 3 * j;
    const s = [sx, sy, sz];
    for (let c = 0; c < 3; c++) {
      const m = person.gain[c] * (s[c] / OVERSAMPLE) + person.bias[c] + person.noise * rng.normal();
      out[o + c] = Math.max(-ACTIVITY_RANGE, Math.min(ACTIVITY_RANGE, m));
    }
  }
}
