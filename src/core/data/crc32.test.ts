import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the standard check value and the empty input', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('changes when one bit flips', () => {
    const a = new Uint8Array(1000).map((_, i) => i * 7);
    const b = a.slice();
    b[500] ^= 1;
    expect(crc32(a)).not.toBe(crc32(b));
  });
});
