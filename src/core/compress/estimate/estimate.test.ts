import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../../node/tfjs';
import { compress } from '../pipeline';
import { presetPlan } from '../plan/presets';
import { estimatePlan, modelShape } from './estimate';
import { estimateLayerSqnr } from './sqnr';
import { tinyInput } from '../testing/tinyModels';
import type { CompressInput } from '../input/types';
import type { Plan } from '../types';
import type { PresetName } from '../plan/presets';

let inputs: CompressInput[];
beforeAll(async () => {
  await setupNodeTfjs();
  inputs = [await tinyInput('a', 10, 2, 0.3), await tinyInput('b', 20, 2, 0.3)];
}, 60_000);

/**
 * A preset's plan with the run's own format decisions off (allocation, codebook pruning) and no recovery,
 * so the formats are the plan's routing.
 */
function fixed(preset: PresetName, edit: (p: Plan) => void = () => undefined): Plan {
  const p = presetPlan(preset);
  p.formats = [];
  p.pruneCodebooks = false;
  p.correction = false;
  p.calibrationRows = 128;
  p.recovery = { ...p.recovery, enabled: false };
  p.kmeans = { ...p.kmeans, maxIter: 3 };
  edit(p);
  return p;
}

const PLANS: [string, Plan][] = [
  ['pq-shared, paper grouping, float activations', fixed('pq-shared', (p) => {
    p.activations = 'float32'; p.groups = { default: { d: 4, k: 4 }, spatial: { d: 9, k: 8 }, pointwise: { d: 16, k: 4 } };
  })],
  ['pq-shared, int8 activations, auto normalization', fixed('pq-shared', (p) => { p.normalization = 'auto'; p.groups = { default: { d: 4, k: 4 }, spatial: { d: 9, k: 8 }, pointwise: { d: 16, k: 4 } }; })],
  ['single group, channel normalization, overrides', fixed('pq-shared', (p) => {
    p.activations = 'float32'; p.grouping = 'single'; p.normalization = 'channel'; p.groups = { default: { d: 3, k: 16 } };
    p.overrides = { 'a/dw': 'int8', 'b/out': 'float32' };
  })],
  ['yono routed: data-aware, log8 unit scales, keep rule, override', fixed('yono', (p) => {
    p.groups = { default: { d: 4, k: 8 }, spatial: { d: 9, k: 8 }, pointwise: { d: 4, k: 16 } }; p.overrides = { 'a/pw': 'pq' };
  })],
  ['data-aware, float activations (int8 codebooks)', fixed('pq-data-aware', (p) => { p.activations = 'float32'; p.groups = { default: { d: 4, k: 8 } }; })],
  ['per-layer groups, no normalization', fixed('pq-per-model', (p) => { p.activations = 'float32'; p.grouping = 'per-layer'; p.normalization = 'none'; })],
  ['int8 preset', fixed('int8')],
  ['float32 preset', fixed('float32')],
];

describe('estimatePlan', () => {
  it.each(PLANS)('gives the bytes the pipeline reports for the same formats: %s', async (_name, plan) => {
    const r = await compress(inputs, plan);
    const e = estimatePlan(plan, inputs.map((i) => modelShape(i.ir)));
    expect(e.totals).toEqual(r.totals);
    for (const m of r.models) {
      const em = e.models.find((x) => x.name === m.name)!;
      expect(em.bytes).toBe(m.compressedBytes);
      expect(em.float32Bytes).toBe(m.float32Bytes);
      for (const l of m.layers) {
        const el = em.layers.find((x) => x.layer === l.name)!;
        expect([el.format, el.group, el.bytes, el.float32Bytes]).toEqual([l.format, l.codebook, l.bytes, l.float32Bytes]);
      }
    }
    expect(e.codebooks.map((c) => c.name).sort()).toEqual(r.codebooks.filter((c) => c.layers.length > 0).map((c) => c.name).sort());
  }, 60_000);

  it('changes at once with d and K: more codewords or shorter subvectors cost bytes', () => {
    const shapes = inputs.map((i) => modelShape(i.ir));
    const at = (d: number, k: number) => estimatePlan(fixed('pq-shared', (p) => { p.grouping = 'single'; p.groups = { default: { d, k } }; }), shapes);
    expect(at(4, 256).totals.compressedBytes).toBeGreaterThan(at(4, 16).totals.compressedBytes);
    expect(at(2, 16).totals.compressedBytes).toBeGreaterThan(at(8, 16).totals.compressedBytes);
    expect(at(8, 16).bitsPerWeight).toBeLessThan(at(2, 16).bitsPerWeight);
  });

  it('needs only shapes: emptied kernels give the same estimate as full ones', () => {
    const plan = PLANS[0][1];
    const full = estimatePlan(plan, inputs.map((i) => ({ ir: i.ir, float32Bytes: modelShape(i.ir).float32Bytes, unitSpread: modelShape(i.ir).unitSpread })));
    const shaped = estimatePlan(plan, inputs.map((i) => modelShape(i.ir)));
    expect(shaped).toEqual(full);
    expect(modelShape(inputs[0].ir).ir.layers.every((l) => !('kernel' in l) || l.kernel.data.length === 0)).toBe(true);
  });
});

describe('estimateLayerSqnr', () => {
  it('gives every layer an SQNR near the full run\'s, and more codewords give more dB', async () => {
    const plan = PLANS[0][1];
    const r = await compress(inputs, plan);
    const q = await estimateLayerSqnr(inputs.map((i) => i.ir), plan);
    for (const m of r.models) {
      for (const l of m.layers) {
        const e = q.find((x) => x.model === m.name && x.layer === l.name)!;
        if (l.sqnrDb === null) expect(e.sqnrDb).toBeNull();
        else expect(Math.abs(e.sqnrDb! - l.sqnrDb)).toBeLessThan(3);
      }
    }
    const at = async (k: number) => {
      const p = fixed('pq-shared', (x) => { x.grouping = 'single'; x.groups = { default: { d: 4, k } }; });
      const s = await estimateLayerSqnr(inputs.map((i) => i.ir), p);
      return s.reduce((a, x) => a + (x.sqnrDb ?? 0), 0) / s.length;
    };
    expect(await at(64)).toBeGreaterThan(await at(4));
  }, 60_000);
});
