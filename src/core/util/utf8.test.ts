import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from './utf8';

describe('utf8', () => {
  it('encodes one to four byte characters and decodes them back', () => {
    const s = 'a é € 𝄞';
    const b = utf8Encode(s);
    expect(Array.from(utf8Encode('é€𝄞'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9d, 0x84, 0x9e]);
    expect(utf8Decode(b)).toBe(s);
  });
  it('rejects bytes that are not UTF-8', () => {
    expect(() => utf8Decode(Uint8Array.of(0xff, 0xfe))).toThrow();
  });
});
