// Builds the synthetic activity task (src/core/data/activity) into public/data/activity/.
import type { DatasetMeta, EncodedDataset, StoredSplit } from '../../src/core/data/index';
import { encodeDataset, SPLIT_NAMES } from '../../src/core/data/index';
import type { SplitName } from '../../src/core/data/types';
import { ACTIVITY_CLASSES, ACTIVITY_DEFAULTS, ACTIVITY_RANGE, ACTIVITY_RATE, ACTIVITY_WINDOW, generateActivitySplits } from '../../src/core/data/activity/index';
import { summary, writeEncoded } from './write';

/** Stored as int16 in units of 1/1024 g (the +-8 g sensor range fits with room to spare). */
export const ACTIVITY_LSB = 1 / 1024;

/** Quantizes g values to int16 LSBs (round half away from zero, clamped). */
export function toInt16(x: Float32Array, lsb: number): Int16Array {
  const q = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) q[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] / lsb)));
  return q;
}

/** Generates and encodes (int16, byte-shuffled, deflated) the activity task, deterministically. */
export function encodeActivity(): EncodedDataset {
  const o = ACTIVITY_DEFAULTS;
  const splits = generateActivitySplits(o);
  const stored = {} as Record<SplitName, StoredSplit>;
  for (const s of SPLIT_NAMES) stored[s] = { x: toInt16(splits[s].x, ACTIVITY_LSB), y: splits[s].y };
  const p = o.persons;
  const meta: DatasetMeta = {
    name: 'activity',
    modality: 'sensor',
    synthetic: true,
    description:
      `Synthetic (simulated, not recorded) 3-axis waist accelerometer windows: ${ACTIVITY_WINDOW} samples at ${ACTIVITY_RATE} Hz ` +
      `(2.56 s) in g, for ${ACTIVITY_CLASSES.length} activities, from a seeded physical model (gait cadence and impact shape per ` +
      `activity, person-to-person variation, gravity through a random device orientation, sensor bias and noise, transitions). ` +
      `${p.train + p.val + p.test} simulated people split by person: ${p.train} train / ${p.val} val / ${p.test} test.`,
    source: `src/core/data/activity (generateActivitySplits, seed ${o.seed}, ${o.windowsPerActivity} windows per person and activity), int16 at 1/1024 g, +-${ACTIVITY_RANGE} g range`,
    inputShape: [ACTIVITY_WINDOW, 3],
    classNames: [...ACTIVITY_CLASSES],
    x: { dtype: 'int16', scale: ACTIVITY_LSB, offset: 0 },
    seed: o.seed,
    extra: { sampleRateHz: ACTIVITY_RATE, units: 'g', axes: ['x', 'y', 'z'], persons: p, windowsPerActivity: o.windowsPerActivity },
  };
  return encodeDataset(meta, stored, 'shuffle-deflate');
}

/** Generates, encodes and writes the activity task; prints its summary. */
export async function buildActivity(dataRoot: string): Promise<void> {
  const enc = encodeActivity();
  writeEncoded(dataRoot, enc);
  console.log(summary(enc.manifest));
}
