import { describe, expect, it } from 'vitest';
import { byteUnshuffle, parseDataset } from './decode';
import type { DatasetMeta, StoredSplit } from './encode';
import { byteShuffle, encodeDataset, manifestText } from './encode';
import { loadTask } from './load';
import type { DatasetManifest } from './manifest';
import { parseManifest } from './manifest';
import type { SplitName } from './types';

const shape = [4, 3];
const D = 12;

function meta(dtype: DatasetMeta['x']['dtype'], scale: number, offset: number): DatasetMeta {
  return {
    name: 'activity', modality: 'sensor', synthetic: true, description: 'fixture', source: 'test',
    inputShape: shape, classNames: ['a', 'b', 'c'], x: { dtype, scale, offset }, seed: 9,
  };
}

function fixture<T extends StoredSplit['x']>(make: (n: number) => T): Record<SplitName, StoredSplit> {
  const split = (n: number, k: number): StoredSplit => {
    const x = make(n * D);
    for (let i = 0; i < x.length; i++) x[i] = ((i * 37 + k * 11) % 200) - (x instanceof Uint8Array ? 0 : 100);
    return { x, y: Uint8Array.from({ length: n }, (_, i) => (i + k) % 3) };
  };
  return { train: split(7, 0), val: split(3, 1), test: split(4, 2) };
}

describe('dataset format', () => {
  it('round-trips uint8 samples with scale/offset, raw and deflated', () => {
    const splits = fixture((m) => new Uint8Array(m));
    for (const comp of ['none', 'deflate'] as const) {
      const enc = encodeDataset(meta('uint8', 1 / 255, -0.5), splits, comp);
      const ds = parseDataset(JSON.parse(manifestText(enc.manifest)), enc.files);
      expect(ds.inputShape).toEqual(shape);
      expect(ds.train.n).toBe(7);
      expect(ds.train.x.length).toBe(7 * D);
      expect(ds.val.y).toEqual(splits.val.y);
      for (let i = 0; i < ds.test.x.length; i++) expect(ds.test.x[i]).toBeCloseTo(splits.test.x[i] / 255 - 0.5, 6);
      expect(enc.manifest.splits.train.classCounts).toEqual([3, 2, 2]);
    }
  });

  it('round-trips int16 and float32 samples with every compression', () => {
    const i16 = fixture((m) => new Int16Array(m));
    const f32 = fixture((m) => new Float32Array(m));
    for (const comp of ['none', 'deflate', 'shuffle-deflate'] as const) {
      const e16 = encodeDataset(meta('int16', 1 / 1024, 0), i16, comp);
      const ds = parseDataset(e16.manifest, e16.files);
      for (let i = 0; i < ds.train.x.length; i++) expect(ds.train.x[i]).toBe(i16.train.x[i] / 1024);
      expect(Math.min(...ds.train.x)).toBeLessThan(0);
      expect(ds.train.y).toEqual(i16.train.y);
      const e32 = encodeDataset(meta('float32', 2, 1), f32, comp);
      const d32 = parseDataset(e32.manifest, e32.files);
      for (let i = 0; i < d32.val.x.length; i++) expect(d32.val.x[i]).toBe(f32.val.x[i] * 2 + 1);
    }
  });

  it('byte-shuffles int16 samples into planes before deflating', () => {
    const x = Int16Array.of(0x0102, 0x0304, -2);
    const planes = byteShuffle(new Uint8Array(x.buffer), 2);
    expect(Array.from(planes)).toEqual([0x02, 0x04, 0xfe, 0x01, 0x03, 0xff]);
    expect(byteUnshuffle(planes, 2)).toEqual(new Uint8Array(x.buffer));
  });

  it('encodes deterministically', () => {
    const a = encodeDataset(meta('uint8', 1, 0), fixture((m) => new Uint8Array(m)), 'deflate');
    const b = encodeDataset(meta('uint8', 1, 0), fixture((m) => new Uint8Array(m)), 'deflate');
    expect(manifestText(a.manifest)).toBe(manifestText(b.manifest));
    expect(a.files['train.bin']).toEqual(b.files['train.bin']);
  });

  it('rejects corrupt, short or missing files with a message that says what to do', () => {
    const enc = encodeDataset(meta('uint8', 1, 0), fixture((m) => new Uint8Array(m)));
    const bad = enc.files['train.bin'].slice();
    bad[3] ^= 0xff;
    expect(() => parseDataset(enc.manifest, { ...enc.files, 'train.bin': bad })).toThrow(/CRC-32.*npm run data/);
    expect(() => parseDataset(enc.manifest, { ...enc.files, 'val.bin': enc.files['val.bin'].subarray(1) })).toThrow(/expected \d+ bytes, found/);
    const { 'test.bin': _gone, ...rest } = enc.files;
    expect(() => parseDataset(enc.manifest, rest)).toThrow(/test\.bin was not given/);
  });

  it('rejects a label out of range even with a matching checksum', () => {
    const splits = fixture((m) => new Uint8Array(m));
    const enc = encodeDataset(meta('uint8', 1, 0), splits);
    const m = JSON.parse(manifestText(enc.manifest)) as DatasetManifest;
    m.classNames = ['a', 'b']; // labels 2 now out of range
    m.splits.train.classCounts = [5, 2];
    m.splits.val.classCounts = [1, 2];
    m.splits.test.classCounts = [2, 2];
    expect(() => parseDataset(m, enc.files)).toThrow(/label 2 .* out of range/);
  });

  it('validates manifests field by field', () => {
    const good = JSON.parse(manifestText(encodeDataset(meta('uint8', 1, 0), fixture((m) => new Uint8Array(m))).manifest)) as Record<string, unknown>;
    expect(parseManifest(good).name).toBe('activity');
    expect(() => parseManifest({ ...good, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => parseManifest({ ...good, format: 'npy' })).toThrow(/format must be "yono-dataset"/);
    expect(() => parseManifest({ ...good, inputShape: [0, 3] })).toThrow(/inputShape/);
    expect(() => parseManifest({ ...good, x: { dtype: 'int64', scale: 1, offset: 0 } })).toThrow(/x must be/);
    const splits = good.splits as Record<string, Record<string, unknown>>;
    expect(() => parseManifest({ ...good, splits: { ...splits, val: { ...splits.val, file: '../x.bin' } } })).toThrow(/plain file name/);
    expect(() => parseManifest({ ...good, splits: { ...splits, val: { ...splits.val, n: 99 } } })).toThrow(/do not add up/);
    expect(() => parseManifest([])).toThrow(/not a JSON object/);
  });

  it('loadTask reads the manifest and the split files through the loader', async () => {
    const enc = encodeDataset(meta('int16', 1 / 1024, 0), fixture((m) => new Int16Array(m)), 'deflate');
    const store: Record<string, Uint8Array> = { 'activity/manifest.json': new TextEncoder().encode(manifestText(enc.manifest)) };
    for (const [f, b] of Object.entries(enc.files)) store[`activity/${f}`] = b;
    const asked: string[] = [];
    const ds = await loadTask('activity', async (p) => {
      asked.push(p);
      const b = store[p];
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    });
    expect(asked).toEqual(['activity/manifest.json', 'activity/train.bin', 'activity/val.bin', 'activity/test.bin']);
    expect(ds.name).toBe('activity');
    expect(ds.test.n).toBe(4);
    await expect(loadTask('digits', async (p) => { const b = store[p.replace('digits', 'activity')]; return b.buffer as ArrayBuffer; })).rejects.toThrow(/describes task "activity", not "digits"/);
  });
});
