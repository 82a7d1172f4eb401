import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random';
import { cArray, cComment, cFloat, cIdent, cString } from './literals';

describe('C literals', () => {
  it('cFloat round-trips every float32 exactly and is a valid C float constant', () => {
    const r = createRng(9);
    const bits = new Uint32Array(1);
    const f = new Float32Array(bits.buffer);
    for (let i = 0; i < 20000; i++) {
      bits[0] = Math.floor(r() * 2 ** 32);
      if (!Number.isFinite(f[0])) continue;
      const s = cFloat(f[0]);
      expect(s).toMatch(/^-?\d+\.\d+(e[+-]\d+)?f$/);
      expect(Object.is(Math.fround(parseFloat(s)), f[0])).toBe(true);
    }
    expect([cFloat(1), cFloat(-0), cFloat(0.1), cFloat(1e-7), cFloat(NaN), cFloat(-Infinity)]).toEqual(['1.0f', '-0.0f', '0.100000001f', '1.00000001e-7f', 'NAN', '-INFINITY']);
  });

  it('identifiers, strings and comments are safe', () => {
    expect(cIdent('sep/depthwise')).toBe('sep_depthwise');
    expect(cIdent('1st')).toBe('m1st');
    expect(cString('a"b\\c??=é')).toBe('"a\\"b\\\\c\\077\\077=\\303\\251"');
    expect(cComment('x */ y')).not.toContain('*/');
    expect(cArray('uint8_t', 'a', Uint8Array.of(1, 255))).toBe('static const uint8_t a[2] = {\n  0x01, 0xff,\n};\n');
  });
});
