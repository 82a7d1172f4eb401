import { describe, expect, it } from 'vitest';
import { tapRanges } from './shapes';

describe('tapRanges', () => {
  it('matches a brute-force scan of valid taps for every geometry', () => {
    for (let inN = 1; inN <= 9; inN++) for (let k = 1; k <= 5; k++) for (let s = 1; s <= 3; s++) for (let d = 1; d <= 3; d++) for (let pad = 0; pad <= 4; pad++) {
      const outN = 6;
      const r = tapRanges(outN, inN, k, s, d, pad);
      for (let o = 0; o < outN; o++) {
        const valid = [];
        for (let t = 0; t < k; t++) { const i = o * s - pad + t * d; if (i >= 0 && i < inN) valid.push(t); }
        const a = r[2 * o], b = r[2 * o + 1];
        if (valid.length === 0) expect(b).toBe(a);
        else expect([a, b]).toEqual([valid[0], valid[valid.length - 1] + 1]);
      }
    }
  });
});
