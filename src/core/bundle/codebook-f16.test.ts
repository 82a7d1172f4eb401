import { describe, expect, it } from 'vitest';
import { decodeModel } from '../compress/result/decode';
import type { CompressionResult } from '../compress/types';
import { createRuntime } from '../mcu/runtime/executor';
import { fromF16Array, isF16Exact, roundF16Array, toF16Array } from '../util/f16';
import { floatSection, sectionView } from './bundle';
import { exportC } from './c/export';
import { describeBundle } from './describe';
import { BundleError } from './errors';
import { readBundle, rewriteBundle } from './read';
import { bundleCodebooks, bundleModelIR } from './tfjs-export';
import { writeBundle } from './write';
import { withF32Codebooks } from './testing/legacy';
import { zooModels, zooResult, zooSamples } from './testing/zoo';

const result = zooResult(zooModels());
const samples = Object.fromEntries(result.models.map((m, i) => [m.name, zooSamples(decodeModel(result, m.name), 6, i)]));
const bytes = writeBundle(result, { samples });

/** Index of the first differing byte, or -1 when equal. */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** The zoo result with codebook values that are not float16 values (as an older pipeline gave them). */
function unrounded(): CompressionResult {
  const r = zooResult(zooModels());
  for (const c of r.codebooks) {
    for (let i = 0; i < c.codebook.length; i++) c.codebook[i] = Math.fround(c.codebook[i] * (1 + 1e-4) + 1e-6);
    expect(isF16Exact(c.codebook)).toBe(false);
  }
  return r;
}

describe('float16 codebooks in the bundle', () => {
  it('the writer stores every codebook as an f16 section of k x d values, 2 bytes each, holding the pipeline values exactly', () => {
    const b = readBundle(bytes);
    expect(b.manifest.codebooks.length).toBe(2);
    for (const c of b.manifest.codebooks) {
      const s = b.manifest.sections[c.section];
      expect(s.name).toBe(`codebook/${c.name}`);
      expect([s.dtype, s.count, s.length]).toEqual(['f16', c.k * c.d, c.k * c.d * 2]);
      const src = result.codebooks.find((x) => x.name === c.name)?.codebook as Float32Array;
      expect(isF16Exact(src)).toBe(true); // the zoo rounds as the pipeline does
      expect(floatSection(b, c.section)).toEqual(src);
      expect(sectionView(b, c.section, 'f16')).toEqual(toF16Array(src));
    }
    expect(bundleCodebooks(b).map((c) => c.codebook)).toEqual(result.codebooks.map((c) => c.codebook));
    expect(describeBundle(b).codebooks.map((c) => c.bytes)).toEqual([24 * 9 * 2, 16 * 4 * 2]);
  });

  it('write -> read -> write is byte-identical', () => {
    expect(firstDiff(rewriteBundle(readBundle(bytes)), bytes)).toBe(-1);
    expect(firstDiff(writeBundle(result, { samples }), bytes)).toBe(-1);
  });

  it('rounds codebook values that are not float16 (to nearest even) instead of rejecting them; the round trip stays exact', () => {
    const r = unrounded();
    const out = writeBundle(r, { samples });
    const b = readBundle(out);
    for (const c of b.manifest.codebooks) {
      const src = r.codebooks.find((x) => x.name === c.name)?.codebook as Float32Array;
      const got = floatSection(b, c.section);
      expect(got).toEqual(roundF16Array(src));
      expect(got).not.toEqual(src);
    }
    expect(firstDiff(rewriteBundle(b), out)).toBe(-1);
    // the runtime runs the stored (rounded) codewords: the model decoded with the rounded codebooks
    const rounded = { ...r, codebooks: r.codebooks.map((c) => ({ ...c, codebook: roundF16Array(c.codebook) })) };
    const ir = decodeModel(rounded, 'vec');
    expect(bundleModelIR(b, 'vec').layers.map((l) => ('kernel' in l ? Array.from(l.kernel.data) : null)))
      .toEqual(ir.layers.map((l) => ('kernel' in l ? Array.from(l.kernel.data) : null)));
  });

  it('still rejects non-finite codebook values, naming the codebook', () => {
    const r = zooResult(zooModels());
    r.codebooks[1].codebook[5] = Number.POSITIVE_INFINITY;
    expect(() => writeBundle(r)).toThrow(/codebook pointwise holds a non-finite value at 5/);
  });
});

describe('bundles written before float16 codebooks (f32 codebook sections)', () => {
  const oldBytes = withF32Codebooks(bytes);
  const old = readBundle(oldBytes);
  const cur = readBundle(bytes);

  it('validate, and rewrite byte-identically (the f32 sections are kept)', () => {
    for (const c of old.manifest.codebooks) {
      const s = old.manifest.sections[c.section];
      expect([s.dtype, s.length]).toEqual(['f32', c.k * c.d * 4]);
      expect(floatSection(old, c.section)).toEqual(floatSection(cur, cur.manifest.codebooks.find((x) => x.name === c.name)?.section as number));
    }
    // scales and biases stay f16, as the previous writer stored them
    expect(old.manifest.sections.some((s) => s.dtype === 'f16')).toBe(true);
    expect(firstDiff(rewriteBundle(old), oldBytes)).toBe(-1);
    expect(oldBytes.length).toBeGreaterThan(bytes.length);
  });

  it('run on the virtual MCU with the same output bits, counting 4 flash bytes per codeword value read', () => {
    for (const m of result.models) {
      const { x } = samples[m.name];
      for (const simd of [true, false]) {
        const a = createRuntime(cur, m.name, { simd }).runBatch(x, 6).outputs;
        const b = createRuntime(old, m.name, { simd }).runBatch(x, 6).outputs;
        expect(new Uint32Array(b.buffer), `${m.name} simd ${simd}`).toEqual(new Uint32Array(a.buffer));
      }
      const ca = createRuntime(cur, m.name).counts(), cb = createRuntime(old, m.name).counts();
      const lookups = (c: typeof ca) => c.layers.reduce((s, l) => s + l.codebookLookups * l.codewordLength, 0);
      const flash = (c: typeof ca) => c.layers.reduce((s, l) => s + l.weightBytesRead.flash, 0);
      expect(lookups(ca)).toBeGreaterThan(0);
      expect(flash(cb) - flash(ca)).toBe(2 * lookups(ca));
      expect(cb.flashBytes.codebooks).toBe(2 * ca.flashBytes.codebooks);
    }
  });

  it('decode to the same tfjs kernels', () => {
    for (const m of result.models) {
      const a = bundleModelIR(cur, m.name), b = bundleModelIR(old, m.name);
      a.layers.forEach((l, i) => {
        const o = b.layers[i];
        if ('kernel' in l && 'kernel' in o) expect(Array.from(o.kernel.data)).toEqual(Array.from(l.kernel.data));
      });
    }
  });

  it('export to C with float codebooks (their own bytes), current ones with uint16_t float16 codebooks', () => {
    const a = exportC(cur), b = exportC(old);
    const text = (e: typeof a, path: string) => e.files.find((f) => f.path === path)?.text ?? '';
    expect(text(a, 'yono_codebooks_data.c')).toMatch(/const uint16_t yono_codebook_spatial_0\[216\] = \{\n {2}0x[0-9a-f]{4},/);
    expect(text(a, 'yono_codebooks_data.c')).not.toMatch(/const float/);
    expect(text(a, 'yono_data.h')).toMatch(/extern const uint16_t yono_codebook_spatial_0\[216\];/);
    expect(text(a, 'img_data.c')).toMatch(/\.codebook_f16 = yono_codebook_spatial_0/);
    expect(text(b, 'yono_codebooks_data.c')).toMatch(/const float yono_codebook_spatial_0\[216\]/);
    expect(text(b, 'yono_data.h')).toMatch(/extern const float yono_codebook_spatial_0\[216\];/);
    expect(text(b, 'img_data.c')).toMatch(/\.codebook = yono_codebook_spatial_0/);
    expect(text(b, 'img_data.c')).not.toMatch(/codebook_f16/);
    // the C flash of the codebooks is the bundle's codebook bytes
    const cbBytes = (x: typeof cur) => x.manifest.codebooks.reduce((s, c) => s + x.manifest.sections[c.section].length, 0);
    expect(a.codebookBytes).toBe(cbBytes(cur));
    expect(a.codebookBytes).toBe((24 * 9 + 16 * 4) * 2);
    expect(b.codebookBytes).toBe(cbBytes(old));
    expect(b.flashBytes - a.flashBytes).toBe(b.codebookBytes - a.codebookBytes);
    // the uint16_t initializers are the bundle's bit patterns
    const hex = [...text(a, 'yono_codebooks_data.c').matchAll(/0x([0-9a-f]{4})/g)].map((h) => parseInt(h[1], 16));
    expect(fromF16Array(hex)).toEqual(Float32Array.from([...result.codebooks[0].codebook, ...result.codebooks[1].codebook]));
  });

  it('a codebook section of another dtype is rejected, naming the accepted ones', () => {
    const m = JSON.parse(JSON.stringify(old.manifest)) as typeof old.manifest;
    m.sections[m.codebooks[0].section].dtype = 'i32'; // same byte size as f32, so only the dtype check can catch it
    let err: unknown = null;
    try {
      readBundle(rewriteBundle({ ...old, manifest: m }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BundleError);
    expect((err as BundleError).message).toMatch(/codebook 'spatial' .*needs a f32 or f16 section, but section \d+ \('codebook\/spatial'\) holds i32/);
  });
});
