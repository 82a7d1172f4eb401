import { describe, expect, it } from 'vitest';
import { createEngine } from './engine-create';
import { wasmSimdSupported } from './wasm/load';
import { blobs } from './testing';
import { createRng } from '../util/random';

describe('WASM and TS engines', () => {
  it('this Node has WebAssembly SIMD128, so the WASM path is really tested', () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  it.each([[1, 3, 9], [2, 7, 64], [4, 256, 130], [7, 20, 33], [8, 256, 1001], [9, 16, 257], [12, 40, 50], [16, 64, 99], [17, 5, 64], [25, 11, 40]])(
    'agree bit for bit: d=%i k=%i n=%i', async (d, k, n) => {
      const x = blobs(n, d, 9, d * 7 + k);
      const r = createRng(n);
      const cb = Float32Array.from({ length: k * d }, () => r.gauss(0, 2));
      const w = await createEngine(x, n, d, k, 'wasm');
      const t = await createEngine(x, n, d, k, 'ts');
      expect(w.backend).toBe('wasm');
      expect(t.backend).toBe('ts');
      for (const e of [w, t]) e.setCodebook(cb);
      const iw = w.pass(true);
      const it = t.pass(true);
      expect(Array.from(w.assignments)).toEqual(Array.from(t.assignments));
      expect(iw).toBe(it); // same float64 operations in the same order
      expect(Array.from(w.sums)).toEqual(Array.from(t.sums));
      expect(Array.from(w.counts)).toEqual(Array.from(t.counts));
      expect(w.pass(false)).toBe(iw);
    });

  it('keeps separate memory per engine', async () => {
    const a = await createEngine(Float32Array.from([0, 1, 2, 3]), 4, 1, 2, 'wasm');
    const b = await createEngine(Float32Array.from([3, 2, 1, 0]), 4, 1, 2, 'wasm');
    for (const e of [a, b]) e.setCodebook(Float32Array.from([0, 3]));
    a.pass(false);
    b.pass(false);
    expect(Array.from(a.assignments)).toEqual([0, 0, 1, 1]);
    expect(Array.from(b.assignments)).toEqual([1, 1, 0, 0]);
  });
});
