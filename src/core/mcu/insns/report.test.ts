import { describe, expect, it } from 'vitest';
import { parseInsnReport, symbolSum } from './report';

describe('parseInsnReport', () => {
  it('reads the total, every symbol and every region, ignoring QEMU\'s own log lines', () => {
    const r = parseInsnReport([
      'some QEMU log line', 'yono-insns total 1234', 'yono-insns symbol conv_s8 1000', 'yono-insns symbol ? 4',
      'yono-insns symbol main 230', 'yono-insns region 0 34', 'yono-insns region 7 1200', '',
    ].join('\n'));
    expect(r.total).toBe(1234);
    expect(r.symbols).toEqual({ conv_s8: 1000, '?': 4, main: 230 });
    expect(r.regions).toEqual({ 0: 34, 7: 1200 });
    expect(symbolSum(r, (s) => s.startsWith('conv') || s === 'main')).toBe(1230);
  });

  it('rejects a report without a total (the plugin did not run) and counts beyond 2^53', () => {
    expect(() => parseInsnReport('yono-insns symbol a 1\n')).toThrow(/no "yono-insns total" line/);
    expect(() => parseInsnReport('yono-insns total 90071992547409930\n')).toThrow(/out of range/);
  });
});
