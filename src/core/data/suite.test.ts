import { describe, expect, it } from 'vitest';
import { isDatasetName, isSuiteName, SUITE_NAMES } from './suite';
import { TASK_NAMES } from './types';

describe('suite task names', () => {
  it('are distinct from the built-ins and from each other', () => {
    expect(new Set([...SUITE_NAMES, ...TASK_NAMES]).size).toBe(SUITE_NAMES.length + TASK_NAMES.length);
  });
  it('are recognised, and nothing else is', () => {
    for (const s of SUITE_NAMES) expect(isSuiteName(s) && isDatasetName(s)).toBe(true);
    for (const t of TASK_NAMES) expect(!isSuiteName(t) && isDatasetName(t)).toBe(true);
    for (const bad of ['suite', '', 'Spam', 'digits8']) expect(isDatasetName(bad)).toBe(false);
  });
});
