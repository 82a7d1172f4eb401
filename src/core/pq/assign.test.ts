import { describe, expect, it } from 'vitest';
import { assign } from './assign';
import { bruteForce, blobs } from './testing';
import { createRng } from '../util/random';
import type { Backend } from './engine';

const backends: Backend[] = ['wasm', 'ts'];

describe.each(backends)('assign (%s)', (backend) => {
  it.each([[1, 5], [3, 17], [4, 64], [8, 256], [9, 100], [16, 33], [17, 40], [24, 7]])('equals brute force: d=%i k=%i', (d, k) => {
    const n = 403; // not a multiple of 4
    const x = blobs(n, d, 12, d * 100 + k);
    const r = createRng(k);
    const cb = Float32Array.from({ length: k * d }, () => r.gauss(0, 3));
    const { assignments, inertia } = assign(x, n, d, cb, k, undefined, { backend });
    const ref = bruteForce(x, n, d, cb, k);
    let exact = 0;
    let refInertia = 0;
    for (let i = 0; i < n; i++) {
      refInertia += ref.dist[i];
      // float32 scores can only flip a near tie; everything else must match exactly
      if (ref.second[i] - ref.dist[i] > 1e-4 * (1 + ref.dist[i])) { expect(assignments[i]).toBe(ref.best[i]); exact++; }
    }
    expect(exact).toBeGreaterThan(n * 0.99);
    expect(inertia).toBeCloseTo(refInertia, 6);
  });

  it('writes into out, uses Uint16 up to k = 65536 and Uint32 beyond', () => {
    const x = Float32Array.from([0, 10, 20.4, 5]);
    const cb = Float32Array.from([0, 5, 10, 20]);
    const out = new Uint32Array(6);
    const r = assign(x, 4, 1, cb, 4, out, { backend });
    expect(r.assignments).toBe(out);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 2, 3, 1]);
    expect(r.inertia).toBeCloseTo(0.16, 5);
    expect(assign(x, 4, 1, cb, 4, undefined, { backend }).assignments).toBeInstanceOf(Uint16Array);
    const big = new Float32Array(2 * 65537); // codeword i = (i % 256, floor(i / 256)): 65536 = (0, 256)
    for (let i = 0; i < 65537; i++) { big[2 * i] = i % 256; big[2 * i + 1] = Math.floor(i / 256); }
    const a = assign(Float32Array.from([0.1, 255.8, 3, 0.2]), 2, 2, big, 65537, undefined, { backend }).assignments;
    expect(a).toBeInstanceOf(Uint32Array);
    expect(Array.from(a)).toEqual([65536, 3]);
  });

  it('breaks exact ties toward the lower index', () => {
    const cb = Float32Array.from([1, 1, -1, -1, 1, 1]); // codewords 0 and 2 are equal
    const { assignments } = assign(Float32Array.from([0.9, 1.1, 0, 0]), 2, 2, cb, 3, undefined, { backend });
    expect(Array.from(assignments)).toEqual([0, 0]);
  });
});

describe('assign input checks', () => {
  it('rejects bad shapes and non-finite values with what to fix', () => {
    const cb = new Float32Array(4);
    expect(() => assign(new Float32Array(3), 2, 2, cb, 2)).toThrow(/x has 3 values but n \* d = 4/);
    expect(() => assign(Float32Array.from([0, NaN]), 1, 2, cb, 2)).toThrow(/x\[1\].*NaN/);
    expect(() => assign(new Float32Array(4), 2, 2, new Float32Array(3), 2)).toThrow(/k \* d = 4 values, got 3/);
    expect(() => assign(new Float32Array(4), 2, 2, cb, 2, new Uint16Array(1))).toThrow(/room for 1 indices, need n = 2/);
    expect(() => assign(new Float32Array(4), 2, 2, cb, 2, undefined, { backend: 'gpu' as Backend })).toThrow(/unknown backend 'gpu'/);
  });
});
