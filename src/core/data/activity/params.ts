/**
 * Population parameters of the activity model (see README.md in this folder for the physics).
 * Amplitudes in g, angles in degrees, cadence in steps per second. `[mean, sd]` pairs are drawn once per
 * person (between-person variation); windows of one person then jitter around that person's values.
 * Values are chosen from the ranges reported for waist-worn sensors (walking ~1.7-2.0 steps/s, running
 * ~2.5-3.0, stair ascent slower than level walking, stair descent with sharper landings).
 */

/** Class names, in label order. */
export const ACTIVITY_CLASSES = ['walking', 'running', 'stairs up', 'stairs down', 'sitting', 'standing', 'lying'] as const;
export type ActivityName = (typeof ACTIVITY_CLASSES)[number];

export const WALKING = 0, RUNNING = 1, STAIRS_UP = 2, STAIRS_DOWN = 3, SITTING = 4, STANDING = 5, LYING = 6;

/** A vertical bump at a phase of the step: amp * exp(-0.5 ((phi - at) / width)^2). */
export interface Bump { at: number; width: number; amp: number }

/** Periodic (gait) activities. */
export interface GaitParams {
  kind: 'gait';
  /** Steps per second. */
  cadence: [number, number];
  /** Vertical sinusoid at the step frequency (centre-of-mass bounce). */
  vertical: number;
  /** Heel-strike impact pulse: amplitude (g) and width (fraction of a step). */
  impact: [number, number];
  /** Extra vertical bumps: stair ascent push-off, stair descent pre-landing drop, ... */
  bumps: Bump[];
  /** Forward sinusoid and braking pulse at heel strike (g). */
  forward: number;
  brake: number;
  /** Lateral sway at the stride frequency (half the step frequency). */
  lateral: number;
  /** Trunk forward lean (deg) and its oscillations: pitch at the step, roll at the stride frequency. */
  lean: [number, number];
  pitchOsc: number;
  rollOsc: number;
}

/** Static postures. */
export interface PostureParams {
  kind: 'posture';
  /** Trunk pitch (deg, forward positive; -90 = lying on the back). */
  pitch: [number, number];
  /** Slow postural sway: tilt amplitude (deg) and linear acceleration (g). */
  swayTilt: number;
  swayAcc: number;
  /** Breathing movement (g) at 0.2-0.35 Hz. */
  breath: number;
  /** Probability of a fidget / weight shift in a window, and its size (g). */
  fidgetP: number;
  fidget: number;
}

export type ActivityParams = GaitParams | PostureParams;

export const ACTIVITY_PARAMS: readonly ActivityParams[] = [
  { // walking
    kind: 'gait', cadence: [1.85, 0.12], vertical: 0.22, impact: [0.32, 0.065], bumps: [],
    forward: 0.12, brake: 0.14, lateral: 0.09, lean: [3, 3], pitchOsc: 1.5, rollOsc: 2.5,
  },
  { // running: flight phase (vertical reading drops towards 0 g) and big landings
    kind: 'gait', cadence: [2.65, 0.16], vertical: 0.45, impact: [1.5, 0.1], bumps: [],
    forward: 0.25, brake: 0.35, lateral: 0.15, lean: [8, 4], pitchOsc: 2.5, rollOsc: 3,
  },
  { // stairs up: slower, softer landing, push-off hump mid-step, more forward lean
    kind: 'gait', cadence: [1.6, 0.13], vertical: 0.2, impact: [0.2, 0.1], bumps: [{ at: 0.42, width: 0.11, amp: 0.16 }],
    forward: 0.08, brake: 0.08, lateral: 0.11, lean: [8, 4], pitchOsc: 2, rollOsc: 3,
  },
  { // stairs down: dip before landing (the body drops a step) and a sharp landing
    kind: 'gait', cadence: [1.8, 0.15], vertical: 0.2, impact: [0.42, 0.05], bumps: [{ at: 0.86, width: 0.07, amp: -0.16 }],
    forward: 0.08, brake: 0.1, lateral: 0.12, lean: [0, 4], pitchOsc: 1.5, rollOsc: 3,
  },
  { // sitting: pelvis tilts back; little sway, breathing, fidgets
    kind: 'posture', pitch: [-20, 6], swayTilt: 0.5, swayAcc: 0.004, breath: 0.006, fidgetP: 0.3, fidget: 0.06,
  },
  { // standing: upright; more postural sway and weight shifts
    kind: 'posture', pitch: [2, 4], swayTilt: 1.2, swayAcc: 0.01, breath: 0.004, fidgetP: 0.35, fidget: 0.05,
  },
  { // lying: trunk horizontal (the pitch is replaced by the lying pose, see window.ts)
    kind: 'posture', pitch: [-80, 7], swayTilt: 0.4, swayAcc: 0.003, breath: 0.008, fidgetP: 0.25, fidget: 0.06,
  },
];

/** Likely neighbours of each activity, used for transition windows (the label stays the main activity). */
export const NEIGHBOURS: readonly (readonly number[])[] = [
  [STANDING, STAIRS_UP, STAIRS_DOWN, RUNNING], // walking
  [WALKING], // running
  [WALKING], // stairs up
  [WALKING], // stairs down
  [STANDING, LYING], // sitting
  [WALKING, SITTING], // standing
  [SITTING], // lying
];
