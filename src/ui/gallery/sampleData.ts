/**
 * Made-up inputs for the chart gallery (`/?gallery`), a developer page that shows every chart component
 * with data of the right shape. Nothing here is a result; the gallery says so on screen.
 */
import type { LayerBarRow } from '../charts/layerBars';
import type { TimelineLane } from '../charts/Timeline';
import type { TimelineEvent } from '../charts/timelineView';
import type { ModelAccuracy } from '../charts/AccuracyBars';
import type { ParetoPoint } from '../charts/ParetoChart';
import type { SamplePreview } from '../services/types';

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

export const sampleLayers: LayerBarRow[] = [
  { layer: 'conv1', format: 'int8', beforeBytes: 1_280, afterBytes: 400, sqnrDb: 38.0, sensitivityPp: 0.1 },
  { layer: 'conv2', format: 'PQ spatial', codebook: 'd 3 · K 64', beforeBytes: 73_856, afterBytes: 8_400, sqnrDb: 14.2, sensitivityPp: 0.4 },
  { layer: 'dense1', format: 'PQ coarse-pointwise', codebook: 'd 8 · K 64', beforeBytes: 409_856, afterBytes: 52_000, sqnrDb: 11.8, sensitivityPp: 0.9 },
  { layer: 'dense2', format: 'float32', beforeBytes: 5_160, afterBytes: 5_160, sqnrDb: null, sensitivityPp: null },
];

export const sampleAccuracy: ModelAccuracy[] = MODELS.map((model, i) => ({ model, before: 0.9 + i * 0.02, after: 0.89 + i * 0.02 }));

export const samplePareto: ParetoPoint[] = [4, 8, 16].flatMap((d, i) => [16, 64, 256].map((k, j) => ({
  d, k, bytes: 40_000 / (i + 1) + k * d * 4 + 5_000 * j, accuracy: 0.8 + 0.05 * j - 0.04 * i + 0.01 * ((i * 3 + j) % 2),
})));

/** One made-up sample per modality: a ring image, a chirp-like spectrogram, a periodic 3-axis trace. */
export function samplePreviews(): SamplePreview[] {
  const img = new Float32Array(28 * 28);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) img[y * 28 + x] = Math.max(0, 1 - Math.abs(Math.hypot(x - 13.5, y - 13.5) - 8) / 2.5);
  const frames = 49, bands = 40;
  const spec = new Float32Array(frames * bands);
  for (let f = 0; f < frames; f++) for (let b = 0; b < bands; b++) spec[f * bands + b] = -Math.abs(b - 6 - f * 0.5) / 4 - b / 30;
  const n = 128;
  const trace = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) { trace[i * 3] = 0.3 * Math.sin(i / 4); trace[i * 3 + 1] = 1 + 0.8 * Math.max(0, Math.sin(i / 2.5)); trace[i * 3 + 2] = 0.2 * Math.cos(i / 5); }
  return [
    { kind: 'image', width: 28, height: 28, pixels: img, label: 'ring' },
    { kind: 'spectrogram', frames, bands, values: spec, label: 'chirp' },
    { kind: 'trace', length: n, values: trace, rateHz: 50, label: 'wave' },
  ];
}
