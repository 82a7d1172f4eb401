import { beforeAll, describe, expect, it } from 'vitest';
import { setupWasmBackend } from '../../tfjs/backend';
import { floatSection, sectionView } from '../../bundle/bundle';
import { bytesOf, encodeBundle } from '../../bundle/encode';
import type { BundleManifest } from '../../bundle/format';
import { readBundle } from '../../bundle/read';
import { writeBundle } from '../../bundle/write';
import { zooModels, zooResult, zooSamples } from '../../bundle/testing/zoo';
import { createRuntime } from './executor';

/** The same bundle with every f16 section (codebooks, scales, biases) widened to f32, as bundles were written before f16. */
function widened(bytes: Uint8Array): Uint8Array {
  const b = readBundle(bytes);
  const m = JSON.parse(JSON.stringify(b.manifest)) as BundleManifest;
  const payloads = m.sections.map((s, i) => {
    if (s.dtype !== 'f16') return bytesOf(sectionView(b, i, s.dtype)).slice();
    s.dtype = 'f32';
    return bytesOf(floatSection(b, i).slice());
  });
  return encodeBundle(m, payloads);
}

describe('float16 codebooks, scales and biases in the runtime', () => {
  beforeAll(async () => { await setupWasmBackend(); });
  const models = zooModels();
  const bytes = writeBundle(zooResult(models));
  const f16 = readBundle(bytes);
  const f32 = readBundle(widened(bytes));

  it('the writer stores f16 sections; a bundle with f32 ones (older files) reads and gives the same output bits', () => {
    expect(f16.manifest.sections.some((s) => s.dtype === 'f16')).toBe(true);
    expect(f16.manifest.codebooks.map((c) => f16.manifest.sections[c.section].dtype)).toEqual(['f16', 'f16']);
    expect(f32.manifest.codebooks.map((c) => f32.manifest.sections[c.section].dtype)).toEqual(['f32', 'f32']);
    expect(f32.manifest.sections.some((s) => s.dtype === 'f16')).toBe(false);
    for (const ir of models) {
      const { x } = zooSamples(ir, 16, 5);
      for (const simd of [true, false]) {
        const a = createRuntime(f16, ir.name, { simd }).runBatch(x, 16).outputs;
        const b = createRuntime(f32, ir.name, { simd }).runBatch(x, 16).outputs;
        expect(new Uint32Array(a.buffer)).toEqual(new Uint32Array(b.buffer));
      }
    }
  });

  it('counts 2 flash bytes per float16 codeword value, scale or bias read, 4 per float32 one', () => {
    let checked = 0;
    for (const ir of models) {
      const x = zooSamples(ir, 1, 9).x;
      const ra = createRuntime(f16, ir.name); ra.run(x);
      const rb = createRuntime(f32, ir.name); rb.run(x);
      const la = ra.counts().layers, lb = rb.counts().layers;
      const m = f16.manifest.models.find((e) => e.name === ir.name)!;
      for (const l of m.layers) {
        if (!('kernel' in l)) continue;
        const k = l.kernel;
        const units = k.shape[k.shape.length - 1] * (l.kind === 'depthwiseConv2d' ? k.shape[2] : 1);
        const scaleReads = k.format === 'int8' || (k.format === 'pq' && k.scales !== null) ? units : 0; // one per unit decoded
        const biasValues = l.bias !== null && f16.manifest.sections[l.bias].dtype === 'f16' ? units : 0;
        const a = la.find((c) => c.layer === l.name)!, b = lb.find((c) => c.layer === l.name)!;
        const codewordValues = k.format === 'pq' ? a.codebookLookups * a.codewordLength : 0; // every value of every codeword fetched
        expect(b.weightBytesRead.flash - a.weightBytesRead.flash).toBe(2 * (codewordValues + scaleReads + biasValues));
        if (codewordValues > 0) checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
