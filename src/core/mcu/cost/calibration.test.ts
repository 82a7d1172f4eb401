import { describe, expect, it } from 'vitest';
import { calibrationTable } from './calibration';

describe('int8-optimized engine calibration against MLPerf Tiny (issue 6: every cited point within +-30 %)', () => {
  const rows = calibrationTable();

  it('covers the 8 cited points (4 models x DISCO-F746NG and NUCLEO-L4R5ZI)', () => {
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => `${r.point.board}/${r.point.task}`)).size).toBe(8);
  });

  for (const r of rows) {
    const cited = Array.isArray(r.point.ms) ? `${r.point.ms[0]}-${r.point.ms[1]}` : `${r.point.ms}`;
    it(`${r.point.board} ${r.point.task}: cited ${cited} ms (${r.point.engine})`, () => {
      expect(Math.abs(r.errorPct), `predicted ${r.predictedMs.toFixed(2)} ms`).toBeLessThanOrEqual(30);
    });
  }

  it('keeps the fit honest: no point is more than 15 % off (the fit reaches ~7 %)', () => {
    for (const r of rows) expect(Math.abs(r.errorPct)).toBeLessThan(15);
  });
});
