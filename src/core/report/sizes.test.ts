import { describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { compress } from '../compress/pipeline';
import { presetPlan } from '../compress/plan/presets';
import { estimatePlan, modelShape } from '../compress/estimate/estimate';
import { tinyInput } from '../compress/testing/tinyModels';
import { zooModels, zooResult, zooSamples } from '../bundle/testing/zoo';
import { writeBundle } from '../bundle/write';
import { readBundle } from '../bundle/read';
import { describeBundle } from '../bundle/describe';
import { exportC, cBaseBytes } from '../bundle/c/export';
import { bundleFileSize, bundleModelSize, floatBaseBytes, modelBaseBytes, reportSize } from './sizes';

describe('one definition of a model\'s size', () => {
  const models = zooModels();
  const result = zooResult(models);
  const samples = Object.fromEntries(models.map((m) => [m.name, zooSamples(m, 5)]));
  const bytes = writeBundle(result, { samples });
  const summary = describeBundle(readBundle(bytes));
  const c = exportC(readBundle(bytes), {});

  it('gives each model the same base size in the report, the bundle and the C export', () => {
    for (const m of result.models) {
      const base = modelBaseBytes(m);
      expect(base).toBeGreaterThan(0);
      expect(reportSize(m, result.codebooks).base).toBe(base);
      expect(bundleModelSize(summary, m.name).base).toBe(base);
      expect(cBaseBytes(c.models.find((x) => x.name === m.name)!)).toBe(base);
    }
  });

  it('each view\'s additions account for its own figure exactly', () => {
    expect(bundleFileSize(summary).total).toBe(bytes.length);
    const noSamples = describeBundle(readBundle(writeBundle(result, {})));
    expect(bundleFileSize(noSamples).adds.find((a) => a.label === 'test samples')!.bytes).toBe(0);
    for (const m of result.models) expect(bundleModelSize(summary, m.name).adds[0].bytes).toBe(5 * (m.ir.inputShape.reduce((a, b) => a * b, 1) * 4 + 4));
    expect(c.files.find((f) => f.path === 'README.md')!.text).toContain('*base* is the model\'s parameters');
  });
});

describe('the report\'s size', () => {
  it.each(['int8', 'float32'] as const)('is the base plus alignment, descriptors, the model\'s own codebooks (and int8 parameters), to the byte, for every format: %s activations', async (activations) => {
    await setupNodeTfjs();
    const inputs = [await tinyInput('a', 10, 1, 0.3), await tinyInput('b', 20, 1, 0.3)];
    const plan = { ...presetPlan('pq-per-model'), activations };
    plan.recovery = { ...plan.recovery, enabled: false };
    plan.keep.minParams = 100;
    plan.overrides = { 'a/out': 'float32', 'b/pw': 'int8' };
    const r = await compress(inputs, plan);
    const e = estimatePlan(plan, inputs.map((i) => modelShape(i.ir)));
    for (const m of r.models) {
      expect(e.models.find((x) => x.name === m.name)!.baseBytes).toBe(modelBaseBytes(m));
      const v = reportSize(m, r.codebooks);
      expect(v.total).toBe(m.compressedBytes);
      expect(v.adds.find((a) => a.label.startsWith('codebooks'))!.bytes).toBeGreaterThan(0);
      const int8 = v.adds.find((a) => a.label.startsWith('int8 parameters'));
      if (activations === 'int8') {
        expect(int8!.bytes).toBeGreaterThan(0);
        // int16 biases: the int8 base is smaller than the float form's (float16 biases are the same size, float32 batch norms are not)
        expect(modelBaseBytes(m)).toBeLessThanOrEqual(floatBaseBytes(m));
      } else {
        expect(int8).toBeUndefined();
        expect(modelBaseBytes(m)).toBe(floatBaseBytes(m));
      }
    }
  }, 60_000);

  it('of a .yono file and its C export is the float form\'s base: log8-coded unit scales are stored as float16 there', async () => {
    await setupNodeTfjs();
    const inputs = [await tinyInput('a', 10, 1, 0.3), await tinyInput('b', 20, 1, 0.3)];
    const plan = { ...presetPlan('pq-shared'), activations: 'float32' as const, normalization: 'channel' as const, scaleCoding: 'log8' as const };
    const r = await compress(inputs, plan);
    expect(r.models.some((m) => Object.values(m.encodings).some((e) => e.format === 'pq' && e.scaleCodes))).toBe(true);
    const file = readBundle(writeBundle(r, {}));
    const summary = describeBundle(file);
    const c = exportC(file, {});
    for (const m of r.models) {
      expect(bundleModelSize(summary, m.name).base).toBe(floatBaseBytes(m));
      expect(cBaseBytes(c.models.find((x) => x.name === m.name)!)).toBe(floatBaseBytes(m));
      // the report counts the codes (one byte per unit and a float16 base), the file float16 values
      expect(modelBaseBytes(m)).toBeLessThan(floatBaseBytes(m));
    }
  }, 60_000);
});
