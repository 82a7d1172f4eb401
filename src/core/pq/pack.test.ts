import { describe, expect, it } from 'vitest';
import { bitsFor, packIndices, packedLength, unpackIndices } from './pack';
import { createRng } from '../util/random';

describe('bitsFor', () => {
  it('is ceil(log2 k), at least 1', () => {
    expect([1, 2, 3, 4, 5, 16, 17, 256, 257, 65536].map(bitsFor)).toEqual([1, 1, 2, 2, 3, 4, 5, 8, 9, 16]);
    expect(() => bitsFor(0)).toThrow(/k must be an integer/);
    expect(() => bitsFor(2.5)).toThrow(/k must be an integer/);
  });
});

describe('packIndices / unpackIndices', () => {
  it('round-trips every width 1..16 for odd and even lengths, including 0', () => {
    const r = createRng(11);
    for (let bits = 1; bits <= 16; bits++) {
      for (const n of [0, 1, 2, 3, 7, 8, 9, 13, 64, 255, 1001]) {
        const idx = Uint16Array.from({ length: n }, () => Math.floor(r() * 2 ** bits));
        if (n > 1) { idx[0] = 2 ** bits - 1; idx[n - 1] = 0; } // extremes
        const packed = packIndices(idx, bits);
        expect(packed.length).toBe(packedLength(n, bits));
        expect(unpackIndices(packed, bits, n)).toEqual(idx);
      }
    }
  });
  it('writes an LSB-first little-endian stream', () => {
    // 3-bit indices 5 (101), 3 (011), 6 (110): stream bits p0..p8 = 1,0,1, 1,1,0, 0,1,1 -> byte0 (p7..p0) = 0b10011101, byte1 = 0b1
    expect(Array.from(packIndices([5, 3, 6], 3))).toEqual([0b10011101, 0b00000001]);
    // 12-bit 0xABC, 0x123 -> bytes BC, 3A, 12
    expect(Array.from(packIndices([0xabc, 0x123], 12))).toEqual([0xbc, 0x3a, 0x12]);
    expect(Array.from(packIndices([0xbeef], 16))).toEqual([0xef, 0xbe]);
  });
  it('rejects indices that do not fit, bad widths and short buffers', () => {
    expect(() => packIndices([4], 2)).toThrow(/does not fit in 2 bits/);
    expect(() => packIndices([-1], 8)).toThrow(/does not fit/);
    expect(() => packIndices([1], 17)).toThrow(/bits must be an integer in 1\.\.16/);
    expect(() => unpackIndices(new Uint8Array(1), 4, 3)).toThrow(/need 2 bytes, got 1/);
  });
});
