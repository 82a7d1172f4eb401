import { describe, expect, it } from 'vitest';
import { forEachBatch } from './batches';
import { CancelledError } from '../util/progress';

describe('forEachBatch', () => {
  const x = Float32Array.from({ length: 7 * 2 }, (_, i) => i); // row r = [2r, 2r + 1]
  const y = Uint8Array.from({ length: 7 }, (_, r) => r * 10);

  it('gathers the rows in the given order, batchSize at a time, the last batch short', async () => {
    const order = [6, 0, 5, 1, 4, 2, 3];
    const seen: { m: number; index: number; count: number; x: number[]; y: number[]; rows: number[] }[] = [];
    await forEachBatch({ x, y }, 2, 7, (j) => order[j], 3, (b) => {
      seen.push({ m: b.m, index: b.index, count: b.count, x: Array.from(b.x), y: Array.from(b.y), rows: Array.from(b.rows) });
    });
    expect(seen.map((b) => [b.m, b.index, b.count])).toEqual([[3, 0, 3], [3, 1, 3], [1, 2, 3]]);
    expect(seen.flatMap((b) => b.rows)).toEqual(order);
    expect(seen[0].x).toEqual([12, 13, 0, 1, 10, 11]);
    expect(seen.flatMap((b) => b.y)).toEqual(order.map((r) => r * 10));
  });

  it('uses only the first `rows` positions of the order and stops on cancel', async () => {
    const rows: number[] = [];
    await forEachBatch({ x, y }, 2, 4, (j) => j, 8, (b) => { rows.push(...b.rows); });
    expect(rows).toEqual([0, 1, 2, 3]);
    let calls = 0;
    await expect(forEachBatch({ x, y }, 2, 7, (j) => j, 2, () => { calls++; }, () => calls >= 2)).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(2);
  });

  it('rejects a batch size below 1', async () => {
    await expect(forEachBatch({ x, y }, 2, 7, (j) => j, 0, () => undefined)).rejects.toThrow(/batchSize must be an integer >= 1/);
  });
});
