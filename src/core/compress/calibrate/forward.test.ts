import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../../node/tfjs';
import { zooModels, zooSamples } from '../../bundle/testing/zoo';
import { toLayersModel } from '../../models/toLayersModel';
import { calibrate } from '../../quant/calibrate';
import { FakeQuantModel } from '../../quant/fake-quant';
import { LayerRunner } from './forward';

beforeAll(async () => {
  await setupNodeTfjs();
});

/** The runner's output from the start, and from the cut at `from`, against the model's own predict. */
function agree(ir: Parameters<typeof toLayersModel>[0], model: tf.LayersModel, x: Float32Array, n: number): { whole: number; fromCut: number } {
  const runner = new LayerRunner(ir, model);
  return tf.tidy(() => {
    const xt = tf.tensor(x, [n, ...ir.inputShape]);
    const want = model.predict(xt) as tf.Tensor;
    const env = new Map([[runner.inputName, runner.input(xt)]]);
    const got = runner.run(env);
    // from the last layer's cut, on the tensors of the first pass
    const last = ir.layers[ir.layers.length - 1].name;
    const cut = new Map(runner.cut(last).map((c) => [c, env.get(c)!]));
    const again = runner.run(cut, last);
    return { whole: want.sub(got).abs().max().dataSync()[0], fromCut: want.sub(again).abs().max().dataSync()[0] };
  });
}

describe('LayerRunner', () => {
  it('runs the float model and the fake-quant model of every zoo model as their predict does (n-way adds as binary ones)', () => {
    const models = zooModels(5);
    expect(models.some((ir) => ir.layers.some((l) => l.kind === 'add' && l.inputs.length > 2))).toBe(true);
    models.forEach((ir, i) => {
      const s = zooSamples(ir, 64, 11 + i);
      const float = toLayersModel(ir);
      const fq = new FakeQuantModel(ir, calibrate(ir, { x: s.x, y: Uint8Array.from(s.y), n: s.n }, { samples: 64, seed: 3 }).params);
      try {
        const a = agree(ir, float, s.x, s.n);
        const b = agree(ir, fq.model, s.x, s.n);
        expect([a.whole, a.fromCut, b.whole, b.fromCut], ir.name).toEqual([0, 0, 0, 0]);
      } finally {
        float.dispose();
        fq.model.dispose();
      }
    });
  });
});
