import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';

describe('decodeBase64', () => {
  it('matches Buffer for every length mod 3', () => {
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const s = Buffer.from(b).toString('base64');
      expect(decodeBase64(s)).toEqual(b);
      expect(decodeBase64(s.replace(/=+$/, ''))).toEqual(b);
    }
  });
  it('rejects characters outside the alphabet', () => {
    expect(() => decodeBase64('ab$d')).toThrow(/invalid character at 2/);
  });
});
