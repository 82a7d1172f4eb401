import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDb, formatPct, formatRatio, formatUj, formatUs, MISSING } from './format';
import { diverging, sequential, toRgba, transpose } from './colormap';

describe('format', () => {
  it('formats with units and never invents a missing figure', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MB');
    expect(formatBytes(null)).toBe(MISSING);
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(1234567, true)).toBe('1.23 M');
    expect(formatCount(45678, true)).toBe('45.7 k');
    expect(formatPct(0.98765)).toBe('98.8 %');
    expect(formatUs(250)).toBe('250 µs');
    expect(formatUs(24900)).toBe('24.9 ms');
    expect(formatUs(2_500_000)).toBe('2.50 s');
    expect(formatUj(2800)).toBe('2.80 mJ');
    expect(formatDb(Infinity)).toBe('∞ dB');
    expect(formatDb(18.26)).toBe('18.3 dB');
    expect(formatRatio(12.37)).toBe('12.4×');
    expect(formatPct(NaN)).toBe(MISSING);
  });
});

describe('colour maps', () => {
  it('maps ends and midpoints as expected', () => {
    expect(sequential(0)).toEqual([68, 1, 84]);
    expect(sequential(1)).toEqual([253, 231, 37]);
    expect(sequential(-5)).toEqual(sequential(0));
    expect(diverging(0)).toEqual([255, 255, 255]);
    expect(diverging(1)).toEqual([178, 24, 43]);
    expect(diverging(-1)).toEqual([33, 102, 172]);
  });

  it('builds RGBA bytes scaled to the data', () => {
    const g = toRgba([0, 5, 10], 1, 3, 'gray');
    expect(Array.from(g)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
    const d = toRgba([-2, 0, 1], 1, 3, 'div');
    expect(Array.from(d.slice(0, 3))).toEqual([33, 102, 172]);
    expect(Array.from(d.slice(4, 7))).toEqual([255, 255, 255]);
    expect(Array.from(transpose([1, 2, 3, 4, 5, 6], 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
