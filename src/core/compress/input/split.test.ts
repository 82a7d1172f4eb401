import { describe, expect, it } from 'vitest';
import { splitRows } from './split';

describe('splitRows', () => {
  const n = 50;
  const x = Float32Array.from({ length: n * 2 }, (_, i) => Math.floor(i / 2));
  const y = Int32Array.from({ length: n }, (_, i) => i % 3);

  it('cuts 60/20/20 without losing or repeating a row, rows intact', () => {
    const s = splitRows(x, y, n, 2, 1);
    expect([s.train.n, s.val.n, s.test.n]).toEqual([30, 10, 10]);
    const rows = [s.train, s.val, s.test].flatMap((p) => Array.from({ length: p.n }, (_, i) => {
      expect(p.x[2 * i]).toBe(p.x[2 * i + 1]);
      expect(p.y[i]).toBe(p.x[2 * i] % 3);
      return p.x[2 * i];
    }));
    expect(rows.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(Array.from(splitRows(x, y, n, 2, 7).test.x)).toEqual(Array.from(splitRows(x, y, n, 2, 7).test.x));
    expect(Array.from(splitRows(x, y, n, 2, 7).test.x)).not.toEqual(Array.from(splitRows(x, y, n, 2, 8).test.x));
  });

  it('rejects too few rows and mismatched sizes with a message', () => {
    expect(() => splitRows(x.subarray(0, 10), y, 5, 2, 1)).toThrow(/too few/);
    expect(() => splitRows(x, y, n, 3, 1)).toThrow(/not 50 rows of 3/);
  });
});
