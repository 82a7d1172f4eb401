import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { int8Graph, tensorRule } from '../quant/graph';
import { compareFakeQuant, storedFakeQuantModel } from '../quant/testing/agreement';
import { HEADER_BYTES, INT8_BYTES, align4, codebookBytes } from './accounting';
import { decodeModel, lowerResult } from './decode';
import { compress } from './pipeline';
import { toReport } from './report';
import type { CompressInput } from './state';
import { lossy } from './testing/plans';
import { buildTiny, tinyInput } from './testing/tinyModels';
import type { CompressionResult } from './types';

let inputs: CompressInput[];
let r8: CompressionResult;
beforeAll(async () => {
  await setupNodeTfjs();
  inputs = [await tinyInput('a', 10, 6, 0.3), await tinyInput('b', 20, 6, 0.3)];
  const plan = lossy('yono', 'int8');
  plan.budgetPp = 0.5;
  r8 = await compress(inputs, plan, { buildModel: buildTiny });
}, 120_000);

describe('int8 activations in the pipeline', () => {
  it('calibrates every model on its training data and stores int8 codebooks (int8 values times one scale)', () => {
    for (const m of r8.models) {
      expect(m.calibration?.samples).toBe(512);
      expect(Object.keys(m.calibration!.params)).toContain('input');
    }
    for (const c of r8.codebooks) {
      expect(c.scale).toBeGreaterThan(0);
      for (const v of c.codebook) {
        const q = Math.round(v / c.scale!);
        expect(Math.abs(q)).toBeLessThanOrEqual(127);
        expect(Math.fround(q * c.scale!)).toBe(v);
      }
    }
  });

  it('the reported accuracy is the fake-quant model of the result\'s lowering; its int8 execution agrees in class', async () => {
    for (const inp of inputs) {
      const m = r8.models.find((x) => x.name === inp.ir.name)!;
      const lowered = lowerResult(r8, m.name);
      const { model, probe } = storedFakeQuantModel(decodeModel(r8, m.name), m.encodings, r8.codebooks, lowered);
      const cmp = compareFakeQuant(probe, lowered, inp.test.x, inp.test.n, inp.ir.inputShape);
      model.dispose();
      const acc = cmp.fqClasses.reduce((s, c, i) => s + (c === inp.test.y[i] ? 1 : 0), 0) / inp.test.n;
      expect(acc).toBe(m.accuracyCompressed);
      expect(cmp.classDiffer).toBeLessThanOrEqual(Math.ceil(0.01 * inp.test.n));
      expect(cmp.maxDiff).toBeLessThanOrEqual(1);
    }
  });

  it('the same seed gives the same report', async () => {
    const plan = lossy('yono', 'int8');
    plan.budgetPp = 0.5;
    const again = await compress(inputs, plan, { buildModel: buildTiny });
    const strip = (x: ReturnType<typeof toReport>) => JSON.stringify({ ...x, timingsMs: null });
    expect(strip(toReport(again))).toBe(strip(toReport(r8)));
  });

  it('counts int8 codebooks, int16-stored biases, requantisation bases and tensor parameters', async () => {
    const plan = lossy('pq-shared', 'int8');
    const r = await compress(inputs, plan, { buildModel: buildTiny });
    let sum = HEADER_BYTES.file;
    for (const m of r.models) {
      let mb = HEADER_BYTES.model;
      for (const l of int8Graph(m.ir).layers) {
        const enc = m.encodings[l.name];
        let b = HEADER_BYTES.layer + (tensorRule(l).kind === 'own' ? INT8_BYTES.tensorParams : 0);
        // biases: int16 values (shift in the descriptor) of PQ/int8 layers, float32 of a float32 layer
        if ('bias' in l && l.bias) b += align4(l.bias.data.length * (enc?.format === 'float32' ? 4 : 2));
        if (enc?.format === 'pq') b += align4(enc.indices.length) + (enc.scales ? align4(enc.scales.length * 2) : 0) + INT8_BYTES.requantBase;
        if (enc?.format === 'int8') b += align4(enc.q.length) + align4(enc.scales.length * 2) + INT8_BYTES.requantBase;
        if (enc?.format === 'float32' && 'kernel' in l) b += align4(l.kernel.data.length * 4);
        const rep = m.layers.find((x) => x.name === l.name);
        if (rep) expect(rep.bytes).toBe(b);
        mb += b;
      }
      expect(m.compressedBytes).toBe(mb);
      sum += mb;
    }
    for (const c of r.codebooks) expect(codebookBytes(c.k, c.d, 'int8')).toBe(align4(c.k * c.d) + 4 + HEADER_BYTES.codebook);
    sum += r.codebooks.reduce((s, c) => s + codebookBytes(c.k, c.d, 'int8'), 0);
    expect(r.totals.compressedBytes).toBe(sum);
  });

  it('fixed int8 codebooks (leave-one-out) are used exactly as given, scale and all', async () => {
    const plan = lossy('pq-shared', 'int8');
    const learned = await compress([inputs[0]], plan, { buildModel: buildTiny });
    const r = await compress([inputs[1]], plan, { buildModel: buildTiny, codebooks: learned.codebooks });
    expect(r.codebooks.map((c) => [Array.from(c.codebook), c.scale])).toEqual(learned.codebooks.map((c) => [Array.from(c.codebook), c.scale]));
  });

  it('needs the training split, and says so', async () => {
    await expect(compress([{ ...inputs[0], train: null }], lossy('pq-shared', 'int8'), { buildModel: buildTiny })).rejects.toThrow(/calibrated on training data.*--activations float32/);
  });

  it('float32 activations calibrate nothing and keep float16 codebooks', async () => {
    const r = await compress([inputs[0]], lossy('pq-shared'), { buildModel: buildTiny });
    expect(r.models[0].calibration).toBeUndefined();
    expect(r.codebooks.every((c) => c.scale === undefined)).toBe(true);
  });
});
