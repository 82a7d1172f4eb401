import type { Rng } from '../../util/random';
import { ACTIVITY_CLASSES, ACTIVITY_PARAMS } from './params';
import { DEG } from './rotation';

/** One simulated wearer and their device: drawn once, shared by all their windows. */
export interface Person {
  /** Steps per second for each activity (0 for postures). */
  cadence: Float64Array;
  /** Trunk pitch (deg) for each activity: lean for gaits, posture pitch for sitting/standing/lying. */
  pitch: Float64Array;
  /** Overall movement amplitude multiplier (body mass, gait style, how tight the clip is). */
  amp: number;
  /** Multipliers of impact amplitude and width (soft vs hard landings). */
  impact: number;
  impactWidth: number;
  /** Left/right step asymmetry (fraction). */
  asym: number;
  /** Person-specific phase offsets (rad) of the vertical, forward and lateral gait components. */
  phaseV: number;
  phaseF: number;
  phaseL: number;
  /** Device orientation on the waist (rad): yaw about the body's vertical axis, small tilts. */
  yaw: number;
  tiltX: number;
  tiltY: number;
  /** Sensor: per-axis bias (g) and gain, white-noise sd (g). */
  bias: Float64Array;
  gain: Float64Array;
  noise: number;
}

/** Draws a person. Between-person spread of cadence, amplitude, posture and device placement. */
export function drawPerson(rng: Rng): Person {
  const tempo = rng.gauss(1, 0.05); // a brisk person is brisk at every gait
  const nA = ACTIVITY_CLASSES.length;
  const cadence = new Float64Array(nA);
  const pitch = new Float64Array(nA);
  for (let a = 0; a < nA; a++) {
    const p = ACTIVITY_PARAMS[a];
    if (p.kind === 'gait') {
      cadence[a] = p.cadence[0] * tempo + rng.gauss(0, p.cadence[1] * 0.8);
      pitch[a] = rng.gauss(p.lean[0], p.lean[1]);
    } else {
      pitch[a] = rng.gauss(p.pitch[0], p.pitch[1]);
    }
  }
  return {
    cadence, pitch,
    amp: Math.exp(rng.gauss(0, 0.2)),
    impact: Math.exp(rng.gauss(0, 0.25)),
    impactWidth: Math.exp(rng.gauss(0, 0.2)),
    asym: rng.uniform(0, 0.15),
    phaseV: rng.gauss(0, 0.3), phaseF: rng.gauss(0, 0.5), phaseL: rng.uniform(0, 2 * Math.PI),
    yaw: rng.uniform(-Math.PI, Math.PI),
    tiltX: rng.gauss(0, 5) * DEG,
    tiltY: rng.gauss(0, 5) * DEG,
    bias: Float64Array.of(rng.gauss(0, 0.015), rng.gauss(0, 0.015), rng.gauss(0, 0.015)),
    gain: Float64Array.of(rng.gauss(1, 0.015), rng.gauss(1, 0.015), rng.gauss(1, 0.015)),
    noise: rng.uniform(0.003, 0.012),
  };
}
