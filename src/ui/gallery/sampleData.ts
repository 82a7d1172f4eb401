/**
 * Made-up inputs for the chart gallery (`/?gallery`), a developer page that shows every chart component
 * with data of the right shape. Nothing here is a result; the gallery says so on screen.
 */
import type { TimelineLane } from '../charts/Timeline';
import type { TimelineEvent } from '../charts/timelineView';
import type { LayerBytes } from '../charts/BytesBarChart';
import type { LayerSqnr } from '../charts/SqnrChart';
import type { ModelAccuracy } from '../charts/AccuracyBars';
import type { ParetoPoint } from '../charts/ParetoChart';

const MODELS = ['digits', 'fashion', 'keywords', 'activity'];

/** Two lanes of a request pattern: every 250 ms a request for the next model; lane 2 switches cheaply. */
export function sampleLanes(requests: number): TimelineLane[] {
  const lane = (loadUs: number, computeUs: number): TimelineEvent[] => {
    const out: TimelineEvent[] = [];
    let t = 0;
    for (let i = 0; i < requests; i++) {
      const model = MODELS[i % MODELS.length];
      const start = i * 250_000;
      if (start > t) { out.push({ t0Us: t, t1Us: start, kind: 'idle', model: '', energyUj: (start - t) * 0.001 }); t = start; }
      out.push({ t0Us: t, t1Us: t + loadUs, kind: loadUs > 5000 ? 'load' : 'switch', model, energyUj: loadUs * 0.2 });
      t += loadUs;
      out.push({ t0Us: t, t1Us: t + computeUs, kind: 'compute', model, energyUj: computeUs * 0.1 });
      t += computeUs;
    }
    return out;
  };
  return [
    { name: 'Lane A (slow load)', events: lane(90_000, 30_000) },
    { name: 'Lane B (fast switch)', events: lane(2_500, 30_000) },
    { name: 'Lane C', events: [], note: 'Does not fit: needs 1.4 MB, has 1 MB (sample note)' },
  ];
}

export const sampleBytes: LayerBytes[] = [
  { layer: 'a/conv1', beforeBytes: 1_280, afterBytes: 1_280, compressed: false },
  { layer: 'a/conv2', beforeBytes: 73_856, afterBytes: 8_400, compressed: true },
  { layer: 'a/dense1', beforeBytes: 409_856, afterBytes: 52_000, compressed: true },
  { layer: 'a/dense2', beforeBytes: 5_160, afterBytes: 1_300, compressed: false },
];

export const sampleSqnr: LayerSqnr[] = [
  { layer: 'a/conv1', sqnrDb: null, sensitivityPp: 0 },
  { layer: 'a/conv2', sqnrDb: 14.2, sensitivityPp: 0.4 },
  { layer: 'a/dense1', sqnrDb: 11.8, sensitivityPp: 0.9 },
  { layer: 'a/dense2', sqnrDb: 38.0, sensitivityPp: 0.1 },
];

export const sampleAccuracy: ModelAccuracy[] = MODELS.map((model, i) => ({ model, before: 0.9 + i * 0.02, after: 0.89 + i * 0.02 }));

export const samplePareto: ParetoPoint[] = [4, 8, 16].flatMap((d, i) => [16, 64, 256].map((k, j) => ({
  d, k, bytes: 40_000 / (i + 1) + k * d * 4 + 5_000 * j, accuracy: 0.8 + 0.05 * j - 0.04 * i + 0.01 * ((i * 3 + j) % 2),
})));
