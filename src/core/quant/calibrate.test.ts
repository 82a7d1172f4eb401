import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../node/tfjs';
import { IRBuilder } from '../bundle/testing/ir-builder';
import { toLayersModel } from '../models/toLayersModel';
import { createRng } from '../util/random';
import { chooseActivationParams } from './affine';
import { calibrate, calibrationBatch, calibrationRows } from './calibrate';
import { FIXED_PARAMS, int8Graph, int8Output } from './graph';

beforeAll(async () => { await setupNodeTfjs(); });

/** dense relu -> dense tanh -> dense softmax on 6 inputs, and 400 seeded rows with a few outliers. */
function setup() {
  const b = new IRBuilder('mlp', [6], 5);
  let h = b.dense('h1', 'input', 8, 'relu');
  h = b.dense('h2', h, 5, 'tanh');
  h = b.dense('out', h, 3, 'softmax');
  const ir = b.build(h);
  const rnd = createRng(8);
  const n = 400;
  const x = Float32Array.from({ length: n * 6 }, (_, i) => (i % 199 === 0 ? 40 : rnd.normal()));
  return { ir, split: { x, y: new Uint8Array(n), n } };
}

describe('calibrate', () => {
  it('takes each calibrated tensor\'s min and max over the rows it uses, TFLite\'s parameters from them', () => {
    const { ir, split } = setup();
    const cal = calibrate(ir, split, { samples: 1000, seed: 2 });
    expect(cal.samples).toBe(400);
    expect(cal.method).toBe('minmax');
    // the same ranges from the float model of the int8 graph, directly
    const g = int8Graph(ir);
    const m = toLayersModel(g);
    const probe = tf.model({ inputs: m.inputs, outputs: ['h1', 'h2', 'out'].map((n) => m.getLayer(n).output as tf.SymbolicTensor) });
    const outs = (probe.predict(tf.tensor(split.x, [400, 6])) as tf.Tensor[]).map((t) => t.dataSync());
    ['h1', 'h2', 'out'].forEach((n, i) => {
      expect(cal.ranges[n].min).toBe(Math.min(...outs[i]));
      expect(cal.ranges[n].max).toBe(Math.max(...outs[i]));
      expect(cal.params[n]).toEqual(chooseActivationParams(Math.fround(cal.ranges[n].min), Math.fround(cal.ranges[n].max)));
    });
    expect(cal.ranges.h1.min).toBe(0); // after ReLU
    expect(cal.params['h2/act']).toEqual(FIXED_PARAMS.tanh); // the split tanh has TFLite's fixed output
    expect(cal.params['out/act']).toBeUndefined(); // the final softmax stays float
    expect(int8Output(g)).toBe('out');
    m.dispose();
  });

  it('clips at a percentile: never wider than min/max, and only a sliver of the values outside', () => {
    const { ir, split } = setup();
    const mm = calibrate(ir, split, { seed: 2 });
    const p = calibrate(ir, split, { seed: 2, percentile: 99 });
    expect(p.method).toBe('p99');
    expect(p.ranges.input.max).toBeLessThan(mm.ranges.input.max); // the outliers (40) are clipped
    let outside = 0;
    for (const v of split.x) if (v < p.ranges.input.min || v > p.ranges.input.max) outside++;
    expect(outside / split.x.length).toBeLessThanOrEqual(0.02);
    for (const k of Object.keys(mm.ranges)) {
      expect(p.ranges[k].min).toBeGreaterThanOrEqual(mm.ranges[k].min);
      expect(p.ranges[k].max).toBeLessThanOrEqual(mm.ranges[k].max);
    }
    expect(() => calibrate(ir, split, { percentile: 40 })).toThrow(/percentile/);
  });

  it('uses a seeded subset of the training rows, and refuses an empty split', () => {
    const a = calibrationRows(5000, 1000, 3);
    expect(a.length).toBe(1000);
    expect(new Set(a).size).toBe(1000);
    expect([...a].every((r, i) => r < 5000 && (i === 0 || r > a[i - 1]))).toBe(true);
    expect(calibrationRows(5000, 1000, 3)).toEqual(a);
    expect(calibrationRows(5000, 1000, 4)).not.toEqual(a);
    expect(calibrationRows(10, 1000, 3)).toEqual(Uint32Array.from({ length: 10 }, (_, i) => i));
    const { ir } = setup();
    expect(() => calibrate(ir, { x: new Float32Array(0), y: new Uint8Array(0), n: 0 })).toThrow(/training split is empty/);
  });
});

describe('int8Graph', () => {
  it('refuses a softmax that is not the last operation', () => {
    const b = new IRBuilder('bad', [4], 1);
    let h = b.dense('a', 'input', 4, 'softmax');
    h = b.dense('b', h, 2, 'linear');
    expect(() => int8Graph(b.build(h))).toThrow(/softmax only as the model's last operation, not at 'a\/act'/);
  });
});

describe('calibrationBatch', () => {
  it('keeps one pass within the byte budget: 128 rows for small models, a few for a 224x224 network, never 0', () => {
    expect(calibrationBatch(10_000)).toBe(128); // 128 rows x 40 KB
    expect(calibrationBatch(25_000_000)).toBe(2); // ~100 MB of activations per row
    expect(calibrationBatch(200_000_000)).toBe(1); // over budget with one row: one row still runs
    expect(calibrationBatch(1_000, 4_000 * 10)).toBe(10);
  });
});
