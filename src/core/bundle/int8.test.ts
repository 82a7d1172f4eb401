import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeTfjs } from '../../node/tfjs';
import { lowerResult } from '../compress/result/decode';
import { totals } from '../compress/result/result';
import type { CompressionResult } from '../compress/types';
import { executeLowered } from '../quant/execute';
import { quantizeValue } from '../quant/affine';
import type { LoweredModel } from '../quant/lowered';
import { sizeOf } from '../models/shapes';
import { BundleError } from './errors';
import { bundleImageBytes } from './image-bytes';
import { int8Unsupported } from './check-int8';
import { lowerBundleModel } from './lowered';
import { readBundle, rewriteBundle } from './read';
import type { BundleSamples } from './write';
import { writeBundle } from './write';
import { assembleBundle, splitBundle } from './testing/assemble';
import { zooInt8Result } from './testing/zoo-int8';
import { zooResult } from './testing/zoo';
import { decodeModel } from '../compress/result/decode';
import { zooSamples } from './testing/zoo';

let result: CompressionResult;
let samples: Record<string, BundleSamples>;
let bytes: Uint8Array;

beforeAll(async () => {
  await setupNodeTfjs();
  ({ result, samples } = zooInt8Result());
  bytes = writeBundle(result, { samples, maxSamples: 16 });
}, 120_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const withManifest = (edit: (m: Json) => void): Uint8Array => {
  const p = splitBundle(bytes);
  const m = JSON.parse(p.manifest) as Json;
  edit(m);
  return assembleBundle({ ...p, manifest: JSON.stringify(m) });
};

function rejection(f: () => unknown): BundleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a BundleError, nothing was thrown');
}

/** Every tensor's int8 values for the stored samples' first `n` rows. */
function outputs(low: LoweredModel, x: Float32Array, n: number): Int8Array[] {
  const p = low.tensors[low.input].params;
  const row = sizeOf(low.tensors[low.input].shape);
  return Array.from({ length: n }, (_, i) => {
    const q = Int8Array.from(x.subarray(i * row, (i + 1) * row), (v) => quantizeValue(v, p));
    return executeLowered(low, q).get(low.output)!;
  });
}

describe('bundle format 2: int8 models', () => {
  it('stores the int8 graph with int8 codebooks, int16 biases, bases, tensor params and tables', () => {
    const b = readBundle(bytes);
    expect(b.manifest.version).toBe(2);
    expect(b.manifest.models.every((m) => m.arithmetic === 'int8')).toBe(true);
    for (const c of b.manifest.codebooks) {
      expect(b.manifest.sections[c.section].dtype).toBe('i8');
      expect(c.scale).toBeGreaterThan(0);
    }
    const img = b.manifest.models.find((m) => m.name === 'img')!;
    // the tanh after the batch norm has its table; the dense softmax is split off and is the output
    expect(img.layers.find((l) => l.name === 'act')!.table).toBeDefined();
    expect(img.output).toBe('out/act');
    // the unfolded batch norm is the 1x1 depthwise the lowering runs
    const bn = img.layers.find((l) => l.name === 'bn')!;
    expect(bn.kind).toBe('depthwiseConv2d');
    for (const m of b.manifest.models) {
      for (const l of m.layers) {
        if (!('kernel' in l) || l.kernel.format === 'float32') continue;
        expect(l.requant).toBeDefined();
        if (l.bias !== null) expect(b.manifest.sections[l.bias].dtype).toBe('i16');
      }
    }
    expect(rewriteBundle(b)).toEqual(bytes);
  });

  it('reads back the integers the writer lowered: the same ops and the same int8 outputs, bit for bit', () => {
    const b = readBundle(bytes);
    for (const m of result.models) {
      const want = lowerResult(result, m.name);
      const got = lowerBundleModel(b, m.name);
      expect(got.ops.map((o) => o.name)).toEqual(want.ops.map((o) => o.name));
      expect(got.tensors).toEqual(JSON.parse(JSON.stringify(want.tensors)));  // -0 zero points of the calibration are 0 in JSON
      got.ops.forEach((o, i) => {
        const w = want.ops[i];
        if ((o.op === 'conv' || o.op === 'depthwise') && (w.op === 'conv' || w.op === 'depthwise')) {
          expect(o.kernel).toEqual(w.kernel);
          expect(o.mult).toEqual(w.mult);
          expect(o.shift).toEqual(w.shift);
          expect(o.bias).toEqual(w.bias);
          expect([o.actMin, o.actMax, o.g]).toEqual([w.actMin, w.actMax, w.g]);
        } else {
          expect(o.op).toBe(w.op);
        }
      });
      const s = samples[m.name];
      expect(outputs(got, s.x, 16)).toEqual(outputs(want, s.x, 16));
    }
  });

  it('counts the bytes the compression report counts (one definition), for int8 and float bundles', () => {
    expect(bundleImageBytes(readBundle(bytes))).toBe(totals(result.models, result.codebooks, 'int8').compressedBytes);
    const f = zooResult();
    const fs = Object.fromEntries(f.models.map((m, i) => [m.name, zooSamples(decodeModel(f, m.name), 4, i)]));
    expect(bundleImageBytes(readBundle(writeBundle(f, { samples: fs })))).toBe(totals(f.models, f.codebooks, 'float32').compressedBytes);
  });

  it('rejects a base, a table or tensor parameters that disagree with the stored scales, naming the layer', () => {
    const layer = (m: Json, model: string, name: string): Json => m.models.find((x: Json) => x.name === model).layers.find((l: Json) => l.name === name);
    let e = rejection(() => readBundle(withManifest((m) => { layer(m, 'img', 'c1').requant.multiplier += 1; })));
    expect(e.message).toMatch(/layer 'c1' stores the base multiplier .* its scales give/);
    e = rejection(() => readBundle(withManifest((m) => { layer(m, 'img', 'c1').q.scale *= 2; })));
    expect(e.message).toMatch(/base multiplier/);
    e = rejection(() => readBundle(withManifest((m) => { delete layer(m, 'seq', 'k1').q; })));
    expect(e.message).toMatch(/layer 'k1' has no "q"/);
    e = rejection(() => readBundle(withManifest((m) => { layer(m, 'img', 'act').q = { scale: 0.5, zeroPoint: 0 }; })));
    expect(e.message).toMatch(/layer 'act' has a "q" but shares/);
    e = rejection(() => readBundle(withManifest((m) => { delete layer(m, 'img', 'c1').requant; })));
    expect(e.message).toMatch(/no "requant"/);
    e = rejection(() => readBundle(withManifest((m) => { m.models[0].arithmetic = 'float32'; })));
    expect(e.message).toMatch(/int8|float/);
  });

  it('names the layers an int8 model cannot hold (then the writer writes the float model)', () => {
    expect(int8Unsupported([
      { name: 'r', kind: 'rescale' }, { name: 'a', kind: 'activation', activation: 'gelu' }, { name: 'c', kind: 'conv2d', activation: 'relu' },
    ])).toEqual(['r (rescale)', 'a (gelu)']);
    for (const m of result.models) expect(int8Unsupported(m.ir.layers)).toEqual([]);
  });

  it('refuses int8 models in a version-1 file', () => {
    const p = splitBundle(bytes);
    const m = JSON.parse(p.manifest) as Json;
    m.version = 1;
    const e = rejection(() => readBundle(assembleBundle({ ...p, version: 1, manifest: JSON.stringify(m) })));
    expect(e.message).toMatch(/version 1 does not have/);
  });
});
