import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../../../node/tfjs';
import { readBundle } from '../../../bundle/read';
import { writeBundle } from '../../../bundle/write';
import { lowerBundleModel } from '../../../bundle/lowered';
import { zooInt8Result } from '../../../bundle/testing/zoo-int8';
import type { Bundle } from '../../../bundle/bundle';
import { quantizeValue } from '../../../quant/affine';
import { executeLowered } from '../../../quant/execute';
import { BundleError } from '../../../bundle/errors';
import { sizeOf } from '../../../models/shapes';
import { createInt8Runtime } from './runtime';

let bundle: Bundle;
let samples: Record<string, { x: Float32Array; n: number }>;

beforeAll(async () => {
  await setupNodeTfjs();
  const z = zooInt8Result();
  samples = z.samples;
  bundle = readBundle(writeBundle(z.result, { samples: z.samples, maxSamples: 8 }));
}, 120_000);

describe('int8 runtime of the virtual MCU', () => {
  for (const name of ['img', 'seq', 'vec']) {
    it(`${name}: the reference int8 execution's outputs, bit for bit, on 100 samples; float in, dequantised logits out`, () => {
      const rt = createInt8Runtime(bundle, name);
      const low = lowerBundleModel(bundle, name);
      const row = sizeOf(low.tensors[low.input].shape);
      const { x } = samples[name];
      for (let i = 0; i < 100; i++) {
        const q = Int8Array.from(x.subarray(i * row, (i + 1) * row), (v) => quantizeValue(v, rt.inputQ));
        expect(rt.runS8(q)).toEqual(executeLowered(low, q).get(low.output));
      }
      const { outputs, classes } = rt.runBatch(x, 4);
      expect(outputs.length).toBe(4 * rt.outputSize);
      const y0 = rt.runS8(Int8Array.from(x.subarray(0, row), (v) => quantizeValue(v, rt.inputQ)));
      expect(outputs[0]).toBeCloseTo(rt.outputQ.scale * (y0[0] - rt.outputQ.zeroPoint), 6);
      expect(classes[0]).toBe(y0.indexOf(Math.max(...y0)));
    });
  }

  it('plans an int8 arena (1 byte per element) that reuses memory, input and output apart', () => {
    const rt = createInt8Runtime(bundle, 'img');
    const low = rt.model;
    const total = low.ops.filter((o) => o.op !== 'alias' && o.name !== low.output).reduce((s, o) => s + sizeOf(low.tensors[o.name].shape), 0);
    expect(rt.plan.arenaBytes).toBeGreaterThan(0);
    expect(rt.plan.arenaBytes).toBeLessThan(total);
    for (const p of rt.plan.places.values()) expect(p.offset % 4).toBe(0);
    expect(rt.plan.inputBytes).toBe(sizeOf(low.tensors[low.input].shape));
  });

  it('refuses a float model and a wrong input length with clear messages', () => {
    const rt = createInt8Runtime(bundle, 'seq');
    expect(() => rt.runS8(new Int8Array(3))).toThrow(/takes 96 int8 input values/);
    expect(() => createInt8Runtime(bundle, 'nope')).toThrow(BundleError);
  });
});
