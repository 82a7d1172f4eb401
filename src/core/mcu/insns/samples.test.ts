import { describe, expect, it } from 'vitest';
import { parseSampleLines, ulpDistance } from './samples';

const bits = (v: number) => new Uint32Array(Float32Array.of(v).buffer)[0];

describe('parseSampleLines', () => {
  it('reads model, sample, class, label and the output bits; skips comments and blank lines', () => {
    const text = `# header\ndigits 0 3 3 ${bits(0.5).toString(16).padStart(8, '0')} 3f800000\n\nkw 1 0 2 00000000\n`;
    expect(parseSampleLines(text)).toEqual([
      { model: 'digits', sample: 0, predicted: 3, label: 3, bits: [bits(0.5), 0x3f800000] },
      { model: 'kw', sample: 1, predicted: 0, label: 2, bits: [0] },
    ]);
  });

  it('throws on a line that is not a sample line (e.g. an error the program printed)', () => {
    expect(() => parseSampleLines('digits: yono_run failed (-1)\n')).toThrow(/not a sample line/);
    expect(() => parseSampleLines('digits 0 3 3 zz\n')).toThrow(/not a sample line/);
  });
});

describe('ulpDistance', () => {
  it('is 0 for the same bits, 1 between neighbours, across zero and between signed zeros', () => {
    expect(ulpDistance(bits(1), bits(1))).toBe(0);
    expect(ulpDistance(bits(1), bits(1) + 1)).toBe(1);
    expect(ulpDistance(0x80000000, 0)).toBe(1);
    expect(ulpDistance(0x80000001, 1)).toBe(3);
    expect(ulpDistance(bits(-2), bits(-2) + 5)).toBe(5);
  });

  it('is infinite when a value is missing or NaN', () => {
    expect(ulpDistance(bits(1), NaN)).toBe(Infinity);
    expect(ulpDistance(0x7fc00000, bits(1))).toBe(Infinity);
    expect(ulpDistance(0x7fc00000, 0x7fc00000)).toBe(0);
  });
});
