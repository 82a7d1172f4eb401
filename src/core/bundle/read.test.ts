import { describe, expect, it } from 'vitest';
import { crc32 } from '../data/crc32';
import { decodeModel } from '../compress/decode';
import { packedLength } from '../pq/pack';
import { BundleError } from './errors';
import { ALIGN, FORMAT_VERSION, HEADER_BYTES } from './format';
import { readBundle, rewriteBundle } from './read';
import { writeBundle } from './write';
import { floatSection, sectionView } from './bundle';
import { roundF16Array } from '../util/f16';
import { assembleBundle, fixSectionCrcs, setHeaderField, splitBundle } from './testing/assemble';
import { zooModels, zooResult, zooSamples } from './testing/zoo';

const result = zooResult(zooModels());
const samples = Object.fromEntries(result.models.map((m, i) => [m.name, zooSamples(decodeModel(result, m.name), 8, i)]));
const bytes = writeBundle(result, { samples });

/** Index of the first differing byte, or -1 when equal (vitest's deep equality is slow on big typed arrays). */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Runs `f` and returns the BundleError it throws (fails if it throws anything else or nothing). */
function rejection(f: () => unknown): BundleError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleError);
    return e as BundleError;
  }
  throw new Error('expected a BundleError, nothing was thrown');
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const withManifest = (edit: (m: Json) => void, fixCrcs = false): Uint8Array => {
  const p = splitBundle(bytes);
  const m = JSON.parse(p.manifest) as Json;
  edit(m);
  const q = { ...p, manifest: JSON.stringify(m) };
  return assembleBundle(fixCrcs ? fixSectionCrcs(q) : q);
};

describe('writeBundle / readBundle', () => {
  it('write -> read -> write is byte-identical, and stable on a second round', () => {
    const b = readBundle(bytes);
    const again = rewriteBundle(b);
    expect(firstDiff(again, bytes)).toBe(-1);
    expect(firstDiff(rewriteBundle(readBundle(again)), bytes)).toBe(-1);
    expect(firstDiff(writeBundle(result, { samples }), bytes)).toBe(-1);
  });

  it('lays out the header, the ASCII manifest and 16-byte aligned sections with CRC-32s', () => {
    const b = readBundle(bytes);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x59, 0x4f, 0x4e, 0x4f]);
    const dv = new DataView(bytes.buffer);
    expect(dv.getUint32(8, true)).toBe(FORMAT_VERSION);
    expect(b.dataOffset % ALIGN).toBe(0);
    expect(dv.getUint32(20, true)).toBe(b.dataOffset);
    expect(dv.getUint32(24, true)).toBe(bytes.length - b.dataOffset);
    expect(dv.getUint32(28, true)).toBe(crc32(bytes.subarray(0, 28)));
    for (const s of b.manifest.sections) {
      expect(s.offset % ALIGN).toBe(0);
      expect(crc32(bytes.subarray(b.dataOffset + s.offset, b.dataOffset + s.offset + s.length))).toBe(s.crc32);
    }
    for (let i = HEADER_BYTES; i < HEADER_BYTES + dv.getUint32(12, true); i++) expect(bytes[i] >= 0x20 && bytes[i] <= 0x7e).toBe(true);
  });

  it('stores exactly the packed indices, scales and kept kernels of the result', () => {
    const b = readBundle(bytes);
    for (const m of result.models) {
      const entry = b.manifest.models.find((x) => x.name === m.name);
      for (const l of entry?.layers ?? []) {
        if (!('kernel' in l)) continue;
        const enc = m.encodings[l.name];
        const k = l.kernel;
        expect(k.format).toBe(enc.format);
        if (k.format === 'pq' && enc.format === 'pq') {
          expect(sectionView(b, k.indices, 'u8')).toEqual(enc.indices);
          expect(enc.indices.length).toBe(packedLength(enc.layout.count, enc.bits));
          // scales are stored as float16; the pipeline's scales are float16 values already
          if (k.scales !== null) expect(b.manifest.sections[k.scales].dtype).toBe('f16');
          expect(k.scales === null ? null : floatSection(b, k.scales)).toEqual(enc.scales);
        }
        if (k.format === 'int8' && enc.format === 'int8') {
          expect(sectionView(b, k.q, 'i8')).toEqual(enc.q);
          expect(b.manifest.sections[k.scales].dtype).toBe('f16');
          expect(floatSection(b, k.scales)).toEqual(enc.scales);
        }
        // biases: float16 for PQ/int8 layers (the values rounded), float32 for float32 layers
        const irl = m.ir.layers.find((x) => x.name === l.name);
        if (l.bias !== null && irl && 'bias' in irl && irl.bias) {
          const sec = b.manifest.sections[l.bias];
          expect(sec.dtype).toBe(enc.format === 'float32' ? 'f32' : 'f16');
          expect(sec.length).toBe(irl.bias.data.length * (enc.format === 'float32' ? 4 : 2));
          expect(floatSection(b, l.bias)).toEqual(enc.format === 'float32' ? irl.bias.data : roundF16Array(irl.bias.data));
        }
      }
      expect(entry?.samples?.count).toBe(8);
    }
    expect(b.manifest.codebooks.map((c) => [c.name, c.d, c.k])).toEqual([['spatial', 9, 24], ['pointwise', 4, 16]]);
  });

  it('reads from a view at an odd offset of a larger buffer and ignores later changes to the input', () => {
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    const view = big.subarray(3);
    const b = readBundle(view);
    view.fill(0);
    expect(firstDiff(rewriteBundle(b), bytes)).toBe(-1);
  });

  it('rejects the writer input it cannot store (non-finite weights)', () => {
    const bad = zooResult(zooModels());
    const l = bad.models[2].ir.layers.find((x) => x.kind === 'dense' && bad.models[2].encodings[x.name].format === 'float32');
    if (!l || !('kernel' in l)) throw new Error('fixture has no float32 dense layer');
    l.kernel.data[0] = Number.NaN;
    expect(() => writeBundle(bad)).toThrow(/non-finite/);
  });
});

describe('readBundle rejects bad input with a BundleError that says what is wrong', () => {
  it('truncated, empty, foreign, text-mode copies', () => {
    expect(rejection(() => readBundle(new Uint8Array(0))).code).toBe('truncated');
    expect(rejection(() => readBundle(bytes.subarray(0, bytes.length - 1))).message).toMatch(/truncated/);
    expect(rejection(() => readBundle(Uint8Array.from('PK\x03\x04 not a bundle at all, a zip file.....', (c) => c.charCodeAt(0)))).code).toBe('magic');
    const crlf = bytes.slice();
    crlf[4] = 0x0a;
    expect(rejection(() => readBundle(crlf)).message).toMatch(/text-mode/);
    const longer = new Uint8Array(bytes.length + 16);
    longer.set(bytes);
    expect(rejection(() => readBundle(longer)).message).toMatch(/extra bytes/);
  });

  it('a newer or older version, with a message saying what to do', () => {
    const e = rejection(() => readBundle(setHeaderField(bytes, 8, 3, true)));
    expect(e.code).toBe('version');
    expect(e.message).toMatch(/version 3.*supports versions 1 and 2.*Update/);
    expect(rejection(() => readBundle(setHeaderField(bytes, 8, 0, true))).message).toMatch(/version 0.*Re-export/);
    expect(rejection(() => readBundle(withManifest((m) => { m.version = 1; }))).message).toMatch(/version/);
  });

  it('damaged header, manifest and sections (CRC-32)', () => {
    const h = bytes.slice(); h[13] ^= 1;
    expect(rejection(() => readBundle(h)).code).toBe('checksum');
    const m = bytes.slice(); m[HEADER_BYTES + 5] ^= 4;
    expect(rejection(() => readBundle(m)).message).toMatch(/manifest is damaged/);
    const s = bytes.slice(); s[s.length - 40] ^= 0x10;
    expect(rejection(() => readBundle(s)).message).toMatch(/Section \d+ .* is damaged|Padding byte/);
  });

  it('header fields that disagree with the file', () => {
    expect(rejection(() => readBundle(setHeaderField(bytes, 12, 0xffffffff, true))).code).toBe('header');
    expect(rejection(() => readBundle(setHeaderField(bytes, 20, 48, true))).code).toBe('header');
    expect(rejection(() => readBundle(setHeaderField(bytes, 24, 0x7fffffff, true))).code).toBe('truncated');
  });

  it('broken JSON and wrong types', () => {
    const p = splitBundle(bytes);
    expect(rejection(() => readBundle(assembleBundle({ ...p, manifest: p.manifest.slice(0, -1) }))).code).toBe('json');
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].layers[1].kind = 'lstm'; }))).message).toMatch(/models\[0\]\.layers\[1\]\.kind must be one of/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].layers[1].strides = [1, 0]; }))).message).toMatch(/strides\[1\] is 0/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models = []; }))).message).toMatch(/at least one model/);
  });

  it('sections past the end, huge lengths, overlaps, unused or reused sections', () => {
    const n = JSON.parse(splitBundle(bytes).manifest).sections.length as number;
    expect(rejection(() => readBundle(withManifest((m) => { m.sections[3].offset += 1 << 20; }))).message).toMatch(/outside|past the end/);
    expect(rejection(() => readBundle(withManifest((m) => { m.sections[3].length = 2 ** 31; }))).code).toBe('schema');
    expect(rejection(() => readBundle(withManifest((m) => { m.sections[4].offset = m.sections[3].offset; }))).message).toMatch(/overlaps/);
    expect(rejection(() => readBundle(withManifest((m) => { m.sections[5].offset += 4; }))).message).toMatch(/aligned/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].layers[1].bias = n - 1; }))).message).toMatch(/used twice|needs/);
  });

  it('references, graph and shapes that do not agree', () => {
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].layers[1].outputShape = [10, 9, 9]; }))).message).toMatch(/stores output shape/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].layers[2].inputs = ['nope']; }))).message).toMatch(/reads 'nope'/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].output = 'missing'; }))).message).toMatch(/output layer 'missing'/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[0].output = 'input'; }))).message).toMatch(/output is the input layer/);
    expect(rejection(() => readBundle(withManifest((m) => { m.codebooks[0].name = 'other'; }))).message).toMatch(/codebook 'spatial'/);
    expect(rejection(() => readBundle(withManifest((m) => { m.models[1].name = m.models[0].name; }))).message).toMatch(/appears twice/);
  });

  it('indices beyond the codebook size and labels beyond the classes, even with fixed CRCs', () => {
    const p = splitBundle(bytes);
    const man = JSON.parse(p.manifest);
    const idx = man.sections.findIndex((s: { name: string }) => s.name === 'img/c1/indices');
    const data = p.data.slice();
    data[man.sections[idx].offset] = 0xff; // 5-bit index 31 >= k = 24
    expect(rejection(() => readBundle(assembleBundle(fixSectionCrcs({ ...p, data })))).message).toMatch(/only 24 codewords/);
    const y = man.sections.findIndex((s: { name: string }) => s.name === 'img/samples/y');
    const data2 = p.data.slice();
    new DataView(data2.buffer).setInt32(man.sections[y].offset, 99, true);
    expect(rejection(() => readBundle(assembleBundle(fixSectionCrcs({ ...p, data: data2 })))).message).toMatch(/label 99/);
  });
});
