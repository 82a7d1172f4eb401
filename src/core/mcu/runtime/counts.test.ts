import { describe, expect, it } from 'vitest';
import { validateModelCounts } from '../counts';
import { countsFromIR } from '../cost/counts-from-ir';
import { decodeModel } from '../../compress/result/decode';
import { packedLength } from '../../pq/pack';
import { isWeightLayer } from '../../models/ir';
import { layerMacs } from '../../models/stats';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooModels, zooResult } from '../../bundle/testing/zoo';
import { createRuntime } from './executor';

describe('measured counts', () => {
  const result = zooResult(zooModels());
  const bundle = readBundle(writeBundle(result));

  for (const m of result.models) {
    it(`${m.name}: well formed and consistent with the bundle and the model`, () => {
      const rt = createRuntime(bundle, m.name);
      const c = rt.counts();
      validateModelCounts(c);
      const ir = decodeModel(result, m.name);
      const nominal = countsFromIR(ir, 'float32');
      expect(c.layers.map((l) => l.layer)).toEqual(ir.layers.slice(1).map((l) => l.name));
      for (const l of c.layers) {
        const layer = ir.layers.find((x) => x.name === l.layer);
        const enc = m.encodings[l.layer];
        const ref = nominal.layers.find((x) => x.layer === l.layer);
        if (!layer || !ref) throw new Error('missing layer');
        // Executed MACs of weight layers: the nominal count minus taps that fall in the padding.
        if (isWeightLayer(layer)) {
          const inShape = ir.layers.find((x) => x.name === layer.inputs[0])?.outputShape ?? [];
          const macs = layerMacs(layer, inShape);
          expect(l.macs).toBeLessThanOrEqual(macs);
          if (!('padding' in layer) || layer.padding === 'valid') expect(l.macs).toBe(macs);
          else expect(l.macs).toBeGreaterThan(0);
        } else expect(l.macs).toBe(0);
        if (enc?.format === 'pq') {
          expect(l.weightFormat).toBe('pq');
          expect(l.codebookLookups).toBe(enc.layout.count);
          expect(l.indicesUnpacked).toBe(enc.layout.count);
          expect(l.decodedWeights).toBe(enc.layout.count * enc.layout.d);
          expect(l.codewordLength).toBe(enc.layout.d);
          // every packed index byte is read at least once (bytes at unit boundaries twice); codewords are float16
          const cbEntry = bundle.manifest.codebooks.find((x) => x.name === enc.group);
          expect(cbEntry && bundle.manifest.sections[cbEntry.section].dtype).toBe('f16');
          expect(l.weightBytesRead.flash).toBeGreaterThanOrEqual(packedLength(enc.layout.count, enc.bits) + l.codebookLookups * enc.layout.d * 2);
        } else {
          expect(l.codebookLookups).toBe(0);
        }
        if (enc?.format === 'int8') expect(l.decodedWeights).toBe(l.weights);
        if (enc?.format === 'float32') expect(l.weightBytesRead.flash).toBe((l.weights + l.biases) * 4);
        expect(l.arenaPeakBytes).toBeLessThanOrEqual(c.arenaBytes);
        expect(l.outputElements).toBe(ref.outputElements);
      }
      expect(c.arenaBytes).toBeGreaterThanOrEqual(Math.max(...c.layers.map((l) => l.arenaPeakBytes)));
      expect(c.scratchBytes).toBe(rt.program.scratchFloats * 4);
      expect(c.float32WeightBytes).toBe(nominal.float32WeightBytes);
      expect(c.flashBytes.indices).toBe(Object.values(m.encodings).reduce((s, e) => s + (e.format === 'pq' ? e.indices.length : 0), 0));
    });
  }
});
