import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 as crcTs } from '../../src/core/data/crc32';
import { encodeDataset, manifestText } from '../../src/core/data/encode';
import { createRng, permutation as permTs } from '../../src/core/util/random';
import { loadTaskNode } from '../../src/node/data';
import { crc32, encodeUint8Dataset, mulberry32, permutation, splitIndices } from './images.mjs';

describe('images.mjs (the install-time converter) agrees with the core', () => {
  it('uses the core\'s PRNG and permutation and has the same CRC-32', () => {
    const a = mulberry32(123), b = createRng(123);
    for (let i = 0; i < 50; i++) expect(a()).toBe(b.next());
    expect(permutation(500, mulberry32(9))).toEqual(permTs(500, createRng(9)));
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) & 255);
    expect(crc32(bytes)).toBe(crcTs(bytes));
  });

  it('writes the same manifest and bytes as encodeDataset', () => {
    const split = (n: number) => ({ x: Uint8Array.from({ length: n * 4 }, (_, i) => (i * 13) & 255), y: Uint8Array.from({ length: n }, (_, i) => i % 2) });
    const splits = { train: split(6), val: split(2), test: split(3) };
    const meta = { name: 'digits', modality: 'image' as const, synthetic: false, description: 'd', source: 's', inputShape: [2, 2, 1], classNames: ['0', '1'], x: { dtype: 'uint8' as const, scale: 1 / 255, offset: 0 }, seed: 1 };
    const js = encodeUint8Dataset(meta, splits);
    const ts = encodeDataset(meta, splits, 'none');
    expect(JSON.stringify(js.manifest, null, 2) + '\n').toBe(manifestText(ts.manifest));
    for (const f of Object.keys(ts.files)) expect(js.files[f]).toEqual(ts.files[f]);
  });

  it('splits disjointly and reproducibly, globally or per class', () => {
    const g = splitIndices([30, 40, 30], { kind: 'global', train: 70, val: 10, test: 20 }, 5);
    const key = ([c, r]: [number, number]) => `${c}:${r}`;
    const all = [...g.train, ...g.val, ...g.test].map(key);
    expect(new Set(all).size).toBe(100);
    expect(splitIndices([30, 40, 30], { kind: 'global', train: 70, val: 10, test: 20 }, 5)).toEqual(g);
    expect(splitIndices([30, 40, 30], { kind: 'global', train: 70, val: 10, test: 20 }, 6)).not.toEqual(g);
    const p = splitIndices([30, 40, 30], { kind: 'perClass', train: 20, val: 2, test: 5 }, 5);
    expect(p.test.filter(([c]) => c === 1).length).toBe(5);
    expect(new Set([...p.train, ...p.val, ...p.test].map(key)).size).toBe(81);
    expect(() => splitIndices([30, 10], { kind: 'perClass', train: 20, val: 2, test: 5 }, 5)).toThrow(/class 1 has 10 samples/);
  });
});

const dataRoot = join(import.meta.dirname, '..', '..', 'public', 'data');
describe.skipIf(!existsSync(join(dataRoot, 'digits', 'train.bin')))('installed image data (npm install made it)', () => {
  it('digits and fashion load with the documented sizes, disjoint splits and pixels in [0, 1]', async () => {
    for (const [name, n] of [['digits', [8000, 1000, 1000]], ['fashion', [12000, 3000, 10000]]] as const) {
      const ds = await loadTaskNode(name, dataRoot);
      expect([ds.train.n, ds.val.n, ds.test.n]).toEqual(n);
      expect(ds.inputShape).toEqual([28, 28, 1]);
      let max = 0;
      for (let i = 0; i < ds.test.x.length; i++) max = Math.max(max, ds.test.x[i]);
      expect(max).toBe(1);
      // no image appears in two splits (hash of the pixels)
      const seen = new Set<string>();
      for (const s of [ds.train, ds.val, ds.test]) {
        for (let i = 0; i < s.n; i++) seen.add(String(crcTs(new Uint8Array(s.x.buffer, i * 784 * 4, 784 * 4))));
      }
      expect(seen.size).toBeGreaterThan(0.995 * (n[0] + n[1] + n[2])); // MNIST holds a few exact duplicates
    }
  });
});
