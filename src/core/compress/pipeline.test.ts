import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { compress, learnPlanCodebooks } from './pipeline';
import { presetPlan } from './plan/presets';
import { decodeModel } from './result/decode';
import { toReport } from './result/report';
import { ModelSession } from './evaluate/session';
import { HEADER_BYTES, align4, groupBytes } from './result/accounting';
import { buildTiny, tinyInput } from './testing/tinyModels';
import { tinyPlan } from './testing/plans';
import type { CompressInput } from './input/types';
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

const accuracyOf = (p: Int32Array, y: ArrayLike<number>) => p.reduce((s, c, i) => s + (c === y[i] ? 1 : 0), 0) / p.length;

/** The report without what may differ between two runs of the same plan (times, threads). */
const strip = (x: ReturnType<typeof toReport>) => JSON.stringify({ ...x, timingsMs: null, threads: null });

describe('compress pipeline', () => {
  it('an all-float plan decodes to the original weights and predictions', async () => {
    const r = await compress(inputs, presetPlan('float32'));
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
    const r = await compress(inputs, tinyPlan('pq-shared'));
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
    sum += r.codebooks.reduce((s, c) => s + groupBytes(c), 0);
    expect(r.codebooks.map((c) => c.name)).toEqual(['spatial', 'pointwise']);
    expect(r.totals.compressedBytes).toBe(sum);
    expect(r.totals.ratio).toBeCloseTo(r.totals.float32Bytes / sum, 9);
  });

  it.each(['pq-shared', 'pq-data-aware', 'yono'] as const)('%s: the same seed gives the same report; decoded models reproduce the reported accuracy', async (preset) => {
    const plan = tinyPlan(preset);
    const r1 = await compress(inputs, plan);
    const r2 = await compress(inputs, plan);
    expect(strip(toReport(r1))).toBe(strip(toReport(r2)));
    for (const inp of inputs) {
      const m = r1.models.find((x) => x.name === inp.ir.name)!;
      expect(accuracyOf(predictions(decodeModel(r1, inp.ir.name), inp.test.x, inp.test.n), inp.test.y)).toBe(m.accuracyCompressed);
    }
    const c1 = await learnPlanCodebooks(inputs, plan);
    expect(c1.length).toBeGreaterThan(0);
    expect(await learnPlanCodebooks(inputs, plan)).toEqual(c1);
    expect((await learnPlanCodebooks(inputs, { ...plan, seed: plan.seed + 1 })).map((c) => Array.from(c.codebook))).not.toEqual(c1.map((c) => Array.from(c.codebook)));
  });

  it('yono: each model takes the smallest allocation its search found passing, per layer, and reports it', async () => {
    const plan = tinyPlan('yono');
    plan.klThreshold = 0.05;
    const r = await compress(inputs, plan);
    for (const m of r.models) {
      const a = m.allocation!;
      expect(a.steps.length).toBeGreaterThan(0);
      const passing = a.steps.filter((s) => s.passed);
      if (a.passed) {
        // the chosen allocation is the cheapest that passed
        expect(m.klVal!).toBeLessThanOrEqual(plan.klThreshold + 1e-12);
        const bytes = m.layers.reduce((s, l) => s + l.bytes, 0);
        expect(Math.min(...passing.map((s) => s.bytes))).toBe(bytes);
      }
      // layers in codebooks report their loss in the table; the formats are the plan's or int8
      for (const l of m.layers) {
        expect(l.kl).not.toBeNull();
        if (l.format === 'pq') expect(plan.formats).toContain(l.codebook);
      }
    }
    // int8 codebooks (data-aware plans), each used by the layers it lists
    for (const c of r.codebooks) {
      expect(c.scale).toBeGreaterThan(0);
      for (const v of c.codebook) expect(Math.abs(Math.round(v / c.scale!))).toBeLessThanOrEqual(127);
    }
  });

  it('flash-size mode: never exceeds a target it reports as met, and says so when nothing fits', async () => {
    const plan = tinyPlan('yono');
    const budgeted = await compress(inputs, plan);
    for (const target of [budgeted.totals.compressedBytes + 256, budgeted.totals.compressedBytes - 256]) {
      const r = await compress(inputs, { ...plan, flashBytes: target });
      expect(r.flash).toEqual({ target, bytes: r.totals.compressedBytes, met: r.totals.compressedBytes <= target });
      if (r.flash!.met) expect(r.totals.compressedBytes).toBeLessThanOrEqual(target);
    }
    const met = await compress(inputs, { ...plan, flashBytes: budgeted.totals.compressedBytes * 2 });
    expect(met.flash!.met).toBe(true);
    const tiny = await compress(inputs, { ...plan, flashBytes: 100 });
    expect(tiny.flash!.met).toBe(false);
    expect(tiny.totals.compressedBytes).toBeGreaterThan(100);
  });

  it('no cliffs: adding a model (or changing the seed) never sends a whole model to int8', async () => {
    const third = await tinyInput('c', 30, 6, 0.3);
    const plan = tinyPlan('yono');
    for (const [set, seed] of [[inputs, 1], [[...inputs, third], 1], [[...inputs, third], 2]] as const) {
      const r = await compress([...set], { ...plan, seed });
      // the two models of the first run keep PQ layers whatever joins them (the third may be all int8 on its own merits)
      for (const m of r.models.filter((x) => x.name !== 'c')) {
        const allocatable = m.layers.filter((l) => l.params >= plan.keep.minParams);
        expect(allocatable.length).toBeGreaterThan(0);
        expect(allocatable.some((l) => l.format === 'pq'), `${m.name}, ${set.length} models, seed ${seed}`).toBe(true);
      }
    }
  });

  it('pq-shared: scales and the biases of PQ/int8 layers are float16 values, float32 layers keep theirs', async () => {
    const plan = tinyPlan('pq-shared');
    plan.keep = { minParams: 100, format: 'int8' };
    for (const inp of inputs) {
      const w = inp.ir.layers.filter((l) => 'kernel' in l);
      plan.overrides[`${inp.ir.name}/${w[w.length - 1].name}`] = 'float32';
    }
    const r = await compress(inputs, plan);
    expect(r.models.some((m) => Object.values(m.encodings).some((e) => e.format === 'int8'))).toBe(true);
    let f16 = 0, f32 = 0;
    for (const m of r.models) {
      const orig = inputs.find((x) => x.ir.name === m.name)!.ir;
      for (const l of m.ir.layers) {
        if (!('bias' in l) || !l.bias) continue;
        const enc = m.encodings[l.name];
        if (enc.format === 'float32') {
          f32++;
          const o = orig.layers.find((x) => x.name === l.name)!;
          if ('bias' in o && o.bias) expect(l.bias.data).toEqual(o.bias.data); // no recovery: untouched
          continue;
        }
        f16++;
        expect(isF16Exact(l.bias.data)).toBe(true);
        if (enc.scales) expect(isF16Exact(enc.scales)).toBe(true);
      }
    }
    expect(f16).toBeGreaterThan(0);
    expect(f32).toBeGreaterThan(0);
  });

  it.each([['float', false], ['shadow', false], ['shadow', true]] as const)('recovery (%s M-step, distillation %s) never lowers accuracy and keeps only improving rounds', async (mStep, distill) => {
    const plain = await compress(inputs, tinyPlan('pq-shared'));
    const plan = tinyPlan('pq-shared-recovery');
    plan.recovery.mStep = mStep;
    plan.recovery.distill = distill;
    plan.budgetPp = 0;
    const rec = await compress(inputs, plan);
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

  it('reports monotone progress ending at 1, and cancels between stages', async () => {
    const seen: number[] = [];
    const plan = tinyPlan('yono');
    await compress(inputs, plan, { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
    let calls = 0;
    await expect(compress(inputs, plan, { shouldCancel: () => ++calls > 1 })).rejects.toThrow(/cancelled/);
  });

  it('fixed codebooks (leave-one-out) are used as given and checked', async () => {
    const plan = tinyPlan('pq-shared');
    const learned = await compress([inputs[0]], plan);
    const r = await compress([inputs[1]], plan, { codebooks: learned.codebooks });
    expect(r.codebooks.map((c) => Array.from(c.codebook))).toEqual(learned.codebooks.map((c) => Array.from(c.codebook)));
    expect(r.codebooks[0].layers.every((k) => k.startsWith('b/'))).toBe(true);
    const bad = learned.codebooks.map((c) => ({ ...c, d: c.d + 1 }));
    await expect(compress([inputs[1]], plan, { codebooks: bad })).rejects.toThrow(/the plan needs d/);
    // an allocation takes the fixed formats it has
    const y = tinyPlan('yono');
    const cbs = await learnPlanCodebooks([inputs[0]], y);
    const loo = await compress([inputs[1]], y, { codebooks: cbs });
    for (const c of loo.codebooks) expect(Array.from(c.codebook)).toEqual(Array.from(cbs.find((x) => x.name === c.name)!.codebook));
  });
});
