import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { zooModels, zooResult, zooSamples } from '../bundle/testing/zoo';
import { isWeightLayer } from '../models/ir';
import { fromF16Bits } from '../util/f16';
import { calibrate } from './calibrate';
import { executeLowered } from './execute';
import { int8Graph } from './graph';
import { lowerModel } from './lower';
import { multiplierValue } from './multiplier';
import { compareFakeQuant, storedFakeQuantModel } from './testing/agreement';

beforeAll(async () => { await setupNodeTfjs(); });

/** The zoo (every layer kind; PQ with and without normalisation, int8 and float32 layers in turn), calibrated on seeded samples. */
function zoo() {
  const models = zooModels(5);
  const result = zooResult(models, 7);
  return result.models.map((m, i) => {
    const ir = models[i];
    const s = zooSamples(ir, 300, 11 + i);
    const cal = calibrate(ir, { x: s.x, y: Uint8Array.from(s.y), n: s.n }, { samples: 200, seed: 3 });
    // the stored model: the float IR with the encodings' layers emptied (as a result IR), float32 kernels kept
    const lowered = lowerModel({ ir: m.ir, encodings: m.encodings, codebooks: result.codebooks, params: cal.params });
    return { ir, stored: m, codebooks: result.codebooks, cal, lowered, samples: s };
  });
}

describe('lowerModel', () => {
  it('lowers every layer kind of the zoo: one op per int8-graph layer, int32 biases from the effective scales', () => {
    for (const z of zoo()) {
      const g = int8Graph(z.ir);
      expect(z.lowered.ops.length).toBe(g.layers.filter((l) => l.kind !== 'input' && !(l.kind === 'activation' && l.activation === 'softmax')).length);
      for (const op of z.lowered.ops) {
        if (op.op !== 'conv' && op.op !== 'depthwise') continue;
        const units = op.unitScales.length;
        for (let u = 0; u < units; u++) {
          // the unit's real multiplier is base x its float16 scale, to 31 bits
          const want = multiplierValue(op.base) * fromF16Bits(op.unitScales[u]);
          expect(Math.abs(multiplierValue({ multiplier: op.mult[u], shift: op.shift[u] }) - want)).toBeLessThanOrEqual(want * 2 ** -30);
          expect(op.weightScale[u]).toBeCloseTo((multiplierValue({ multiplier: op.mult[u], shift: op.shift[u] }) * op.out.scale) / op.in.scale, 15);
        }
        const l = z.ir.layers.find((x) => x.name === op.name);
        if (op.bias && l && isWeightLayer(l) && l.bias) {
          for (let u = 0; u < units; u++) expect(Math.abs(op.bias[u] * op.in.scale * op.weightScale[u] - l.bias.data[u])).toBeLessThanOrEqual((0.5 + (op.biasShift > 0 ? 2 ** (op.biasShift - 1) : 0)) * op.in.scale * op.weightScale[u] * (1 + 1e-9));
        }
        expect(op.kernel.every((v) => v >= -127 && v <= 127)).toBe(true);
      }
    }
  });

  it('keeps float32 layers float, shares the pools\' params, splits sigmoid/tanh into tables and n-way adds into binary ones', () => {
    const z = zoo();
    const img = z[0].lowered;
    const kinds = new Set(img.ops.map((o) => o.op));
    for (const k of ['conv', 'depthwise', 'float', 'maxPool', 'avgPool', 'add', 'lut']) expect(kinds.has(k as never)).toBe(true);
    expect(img.tensors.mp.params).toEqual(img.tensors.add.params);
    const vec = z[2].lowered;
    expect(vec.ops.filter((o) => o.op === 'add').length).toBe(2);
    expect(vec.tensors['sum3/sum1']).toBeDefined();
    // the output is the int8 logits of a softmax model
    expect(img.output).toBe('out');
  });

  it('rejects a missing encoding or calibration with the layer named', () => {
    const z = zoo()[0];
    const { dw: _drop, ...encodings } = z.stored.encodings;
    expect(() => lowerModel({ ir: z.stored.ir, encodings, codebooks: z.codebooks, params: z.cal.params })).toThrow(/layer 'dw' has no encoding/);
    const { c1: _c1, ...params } = z.cal.params;
    expect(() => lowerModel({ ir: z.stored.ir, encodings: z.stored.encodings, codebooks: z.codebooks, params })).toThrow(/tensor 'c1'/);
  });
});

describe('fake-quant tfjs vs the reference int8 execution', () => {
  // the fake-quant model rounds a stored layer's output as TFLM's double rounding does (one rounding instead
  // differs on ~1 output in 1,000 per layer, ~12 % of img's outputs after 13 layers) and average pooling's
  // ties as its integer average; float32 sums can still move a value by one step
  it('agree on the int8 outputs of the zoo and on the classes', () => {
    for (const z of zoo()) {
      const { model, probe } = storedFakeQuantModel(z.ir, z.stored.encodings, z.codebooks, z.lowered);
      const r = compareFakeQuant(probe, z.lowered, z.samples.x, 100, z.ir.inputShape);
      model.dispose();
      console.log(`${z.ir.name}: ${r.valueDiffer}/${r.values} int8 outputs differ (max ${r.maxDiff}), ${r.classDiffer}/${r.samples} classes`);
      expect(r.maxDiff).toBeLessThanOrEqual(1);
      expect(r.valueDiffer / r.values).toBeLessThan(0.01);
      expect(r.classDiffer).toBeLessThanOrEqual(1);
    }
  });

  it('the reference execution writes every tensor at its shape, input first', () => {
    const z = zoo()[1];
    const x = new Int8Array(z.ir.inputShape.reduce((a, b) => a * b, 1)).fill(3);
    const t = executeLowered(z.lowered, x);
    for (const [name, v] of t) expect(v.length).toBe(z.lowered.tensors[name].shape.reduce((a, b) => a * b, 1));
  });
});
