import { describe, expect, it } from 'vitest';
import { SMALL_SPLIT, dropSePp, splitWarnings } from './warnings';
import { passes } from '../allocate/select';
import { presetPlan } from '../plan/presets';
import type { ModelIR } from '../../models/ir';

const split = (n: number) => ({ x: new Float32Array(0), y: new Uint8Array(n), n });
const model = (name: string, val: number, test: number) => ({ ir: { name } as ModelIR, val: split(val), test: split(test) });

describe('small splits', () => {
  it('warn for every validation or test split under 1,000 samples, saying how noisy it is and what to do', () => {
    const w = splitWarnings([model('big', 5000, 1000), model('user', 90, 9)]);
    expect(w.map((x) => [x.model, x.split, x.samples])).toEqual([['user', 'val', 90], ['user', 'test', 9]]);
    expect(w[0].message).toMatch(/validation split has 90 samples \(under 1000\)/);
    expect(w[0].message).toContain(`±${dropSePp(0.03, 90).toFixed(2)} pp`);
    expect(w[0].message).toMatch(/selects by the KL/);
    expect(w[1].message).toMatch(/train\/, val\/ and test\/ folders/);
    expect(splitWarnings([model('edge', SMALL_SPLIT, SMALL_SPLIT)])).toEqual([]);
    expect(splitWarnings([model('edge', SMALL_SPLIT - 1, SMALL_SPLIT)])).toHaveLength(1);
  });

  it('give the validation check one standard error of allowance, so a tiny split cannot veto a good KL', () => {
    const plan = { ...presetPlan('yono'), budgetPp: 1 };
    // 1 of 9 validation samples flipped: 11 pp measured, ±33 pp
    expect(passes(plan, 0.005, 100 / 9, 1 / 9, 9)).toBe(true);
    // the same drop on 5,000 samples is real
    expect(passes(plan, 0.005, 100 / 9, 1 / 9, 5000)).toBe(false);
    // the KL decides either way
    expect(passes(plan, 0.05, 0, 0, 9)).toBe(false);
    expect(passes(plan, 0.01, 0.9, 0.02, 5000)).toBe(true);
    expect(passes({ ...plan, selectionMarginPp: 0.5 }, 0.01, 0.9, 0.02, 5000)).toBe(false);
  });
});
