import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { compress, learnPlanCodebooks } from './pipeline';
import { presetPlan } from './presets';
import { decodeModel } from './decode';
import { toReport } from './report';
import { ModelSession } from './session';
import { HEADER_BYTES, align4, codebookBytes } from './accounting';
import { buildTiny, tinyInput } from './testing/tinyModels';
import type { CompressInput } from './state';
import { lossy } from './testing/plans';
import { isF16Exact } from '../util/f16';

let inputs: CompressInput[];
beforeAll(async () => {
  await setupNodeTfjs();
  inputs = [await tinyInput('a', 10, 6, 0.3), await tinyInput('b', 20, 6, 0.3)];
}, 60_000);

function predictions(ir: CompressInput['ir'], x: Float32Array, n: number): Int32Array {
  const s = new ModelSession(ir, buildTiny(ir));
  const p = s.predictClasses(x, n);
  s.dispose();
  return p;
}

describe('compress pipeline', () => {
  it('an all-float plan decodes to the original weights and predictions', async () => {
    const r = await compress(inputs, presetPlan('float32'), { buildModel: buildTiny });
    for (const inp of inputs) {
      const m = r.models.find((x) => x.name === inp.ir.name)!;
      expect(m.accuracyCompressed).toBe(m.accuracyFloat);
      expect([m.testSamples, m.testDisagreement]).toEqual([inp.test.n, 0]);
      const dec = decodeModel(r, inp.ir.name);
      expect(predictions(dec, inp.test.x, inp.test.n)).toEqual(predictions(inp.ir, inp.test.x, inp.test.n));
    }
    expect(r.codebooks).toEqual([]);
  });

  it('reported bytes are the bytes the packing produces, codebooks counted once', async () => {
    const r = await compress(inputs, lossy('pq-shared'), { buildModel: buildTiny });
    let sum = HEADER_BYTES.file;
    for (const m of r.models) {
      let mb = HEADER_BYTES.model;
      for (const l of m.ir.layers) {
        const enc = m.encodings[l.name];
        const rep = m.layers.find((x) => x.name === l.name);
        let b = HEADER_BYTES.layer;
        if (enc?.format === 'pq') {
          expect(enc.indices.length).toBe(Math.ceil((enc.layout.count * enc.bits) / 8));
          expect(enc.bits).toBe(1);
          // the bias of a PQ layer is stored as float16 (2 bytes a value)
          b += align4(enc.indices.length) + ('bias' in l && l.bias ? align4(l.bias.data.length * 2) : 0);
          expect(rep!.bytes).toBe(b);
        }
        if ('bias' in l && l.bias && enc?.format !== 'pq') b += align4(l.bias.data.length * 4);
        if (enc?.format === 'float32' && 'kernel' in l) b += align4(l.kernel.data.length * 4);
        mb += b;
      }
      expect(m.compressedBytes).toBe(mb);
      sum += mb;
    }
    sum += r.codebooks.reduce((s, c) => s + codebookBytes(c.k, c.d), 0);
    expect(r.codebooks.map((c) => c.name)).toEqual(['spatial', 'pointwise']);
    expect(r.totals.compressedBytes).toBe(sum);
    expect(r.totals.ratio).toBeCloseTo(r.totals.float32Bytes / sum, 9);
  });

  it.each(['pq-shared', 'yono'] as const)('%s: the same seed gives the same report; decoded models reproduce the reported accuracy', async (preset) => {
    const plan = lossy(preset);
    plan.budgetPp = 0.5;
    const strip = (x: ReturnType<typeof toReport>) => JSON.stringify({ ...x, timingsMs: null });
    const r1 = await compress(inputs, plan, { buildModel: buildTiny });
    const r2 = await compress(inputs, plan, { buildModel: buildTiny });
    expect(strip(toReport(r1))).toBe(strip(toReport(r2)));
    const models = inputs.map((x) => x.ir);
    const c1 = await learnPlanCodebooks(models, plan);
    expect(c1.length).toBeGreaterThan(0);
    expect(await learnPlanCodebooks(models, plan)).toEqual(c1);
    expect((await learnPlanCodebooks(models, { ...plan, seed: plan.seed + 1 })).map((c) => Array.from(c.codebook))).not.toEqual(c1.map((c) => Array.from(c.codebook)));
    for (const inp of inputs) {
      const m = r1.models.find((x) => x.name === inp.ir.name)!;
      const p = predictions(decodeModel(r1, inp.ir.name), inp.test.x, inp.test.n);
      const acc = p.reduce((s, c, i) => s + (c === inp.test.y[i] ? 1 : 0), 0) / inp.test.n;
      expect(acc).toBe(m.accuracyCompressed);
    }
  });

  it.each(['pq-shared', 'pq-shared-recovery'] as const)('%s: scales and the biases of PQ/int8 layers are float16 values, float32 layers keep theirs', async (preset) => {
    const plan = lossy(preset);
    if (preset === 'pq-shared') {
      // small layers int8, one layer of each model float32, the rest PQ
      plan.keep = { minParams: 100, format: 'int8' };
      for (const inp of inputs) {
        const w = inp.ir.layers.filter((l) => 'kernel' in l);
        plan.overrides[`${inp.ir.name}/${w[w.length - 1].name}`] = 'float32';
      }
    }
    const r = await compress(inputs, plan, { buildModel: buildTiny });
    if (preset === 'pq-shared') expect(r.models.some((m) => Object.values(m.encodings).some((e) => e.format === 'int8'))).toBe(true);
    let f16 = 0, f32 = 0;
    for (const m of r.models) {
      const orig = inputs.find((x) => x.ir.name === m.name)!.ir;
      for (const l of m.ir.layers) {
        if (!('bias' in l) || !l.bias) continue;
        const enc = m.encodings[l.name];
        if (enc.format === 'float32') {
          f32++;
          const o = orig.layers.find((x) => x.name === l.name)!;
          if (preset === 'pq-shared' && 'bias' in o && o.bias) expect(l.bias.data).toEqual(o.bias.data); // no recovery: untouched
          continue;
        }
        f16++;
        expect(isF16Exact(l.bias.data)).toBe(true);
        if (enc.scales) expect(isF16Exact(enc.scales)).toBe(true);
      }
      const p = predictions(decodeModel(r, m.name), inputs.find((x) => x.ir.name === m.name)!.test.x, inputs.find((x) => x.ir.name === m.name)!.test.n);
      const t = inputs.find((x) => x.ir.name === m.name)!.test;
      expect(p.reduce((s, c, i) => s + (c === t.y[i] ? 1 : 0), 0) / t.n).toBe(m.accuracyCompressed);
    }
    expect(f16).toBeGreaterThan(0);
    if (preset === 'pq-shared') expect(f32).toBeGreaterThan(0);
  });

  it.each([['float', false], ['shadow', false], ['shadow', true]] as const)('recovery (%s M-step, distillation %s) never lowers accuracy and keeps only improving rounds', async (mStep, distill) => {
    const plain = await compress(inputs, lossy('pq-shared'), { buildModel: buildTiny });
    const plan = lossy('pq-shared-recovery');
    plan.recovery.mStep = mStep;
    plan.recovery.distill = distill;
    plan.budgetPp = 0;
    const rec = await compress(inputs, plan, { buildModel: buildTiny });
    expect(rec.models.some((m) => m.recovery.some((s) => s.accepted))).toBe(true);
    for (const m of rec.models) {
      const p = plain.models.find((x) => x.name === m.name)!;
      expect(m.valAccuracyCompressed).toBeGreaterThanOrEqual(p.valAccuracyCompressed);
      let best = p.valAccuracyCompressed;
      for (const s of m.recovery) {
        expect(s.accepted).toBe(s.accuracy > best);
        if (s.accepted) best = s.accuracy;
      }
      expect(m.valAccuracyCompressed).toBe(best);
      expect(m.layers.filter((l) => l.recovered).length).toBe(m.recovery.filter((s) => s.accepted).length);
    }
  });

  it('with codeword fine-tuning on, the auto-plan meets the budget and records its overrides', async () => {
    const plan = lossy('yono');
    plan.recovery.fineTuneCodewords = true;
    plan.budgetPp = 2;
    const r = await compress(inputs, plan, { buildModel: buildTiny, sensitivity: true });
    for (const m of r.models) {
      expect(m.valAccuracyCompressed).toBeGreaterThanOrEqual(m.valAccuracyFloat - 0.02);
      expect(m.layers.every((l) => l.sensitivityPp !== null || l.format === 'float32')).toBe(true);
      for (const l of m.layers) if (l.format !== 'pq') expect(r.plan.overrides[`${m.name}/${l.name}`]).toBe(l.format);
    }
  });

  it('medium tier: the auto-plan stores layers in the medium and fine codebooks as its overrides say, within budget', async () => {
    const plan = lossy('yono');
    plan.groups.medium = { d: 4, k: 4 };
    plan.groups.fine = { d: 2, k: 16 };
    plan.budgetPp = 1;
    const r = await compress(inputs, plan, { buildModel: buildTiny });
    expect(r.codebooks.every((c) => isF16Exact(c.codebook))).toBe(true);
    let tiers = 0;
    for (const m of r.models) {
      expect(m.valAccuracyCompressed).toBeGreaterThanOrEqual(m.valAccuracyFloat - 0.01);
      for (const l of m.layers) {
        const o = r.plan.overrides[`${m.name}/${l.name}`];
        if (o === 'pq-medium' || o === 'pq-fine') {
          tiers++;
          expect(l.codebook).toBe(o === 'pq-medium' ? 'medium' : 'fine');
        }
      }
    }
    expect(tiers).toBeGreaterThan(0);
  });

  it('reports monotone progress ending at 1, and cancels between units', async () => {
    const seen: number[] = [];
    const plan = lossy('yono');
    plan.budgetPp = 0;
    await compress(inputs, plan, { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
    let calls = 0;
    await expect(compress(inputs, plan, { shouldCancel: () => ++calls > 3 })).rejects.toThrow(/cancelled/);
  });

  it('fixed codebooks (leave-one-out) are used as given and checked', async () => {
    const plan = lossy('pq-shared');
    const learned = await compress([inputs[0]], plan, { buildModel: buildTiny });
    const r = await compress([inputs[1]], plan, { buildModel: buildTiny, codebooks: learned.codebooks });
    expect(r.codebooks.map((c) => Array.from(c.codebook))).toEqual(learned.codebooks.map((c) => Array.from(c.codebook)));
    expect(r.codebooks[0].layers.every((k) => k.startsWith('b/'))).toBe(true);
    const bad = learned.codebooks.map((c) => ({ ...c, d: c.d + 1 }));
    await expect(compress([inputs[1]], plan, { buildModel: buildTiny, codebooks: bad })).rejects.toThrow(/the plan needs d/);
    // codebooks without a coarse tier: the layers the plan would start there use their kind's codebook
    const coarse = await compress([inputs[1]], { ...plan, coarseMinParams: 1 }, { buildModel: buildTiny, codebooks: learned.codebooks });
    expect(coarse.codebooks.map((c) => c.name)).toEqual(learned.codebooks.map((c) => c.name));
    expect(coarse.codebooks.some((c) => c.name.startsWith('coarse-'))).toBe(false);
    await expect(compress([inputs[1]], { ...plan, coarseMinParams: 1 }, { buildModel: buildTiny })).resolves.toSatisfy(
      (x: { codebooks: { name: string }[] }) => x.codebooks.some((c) => c.name.startsWith('coarse-')));
  });
});
