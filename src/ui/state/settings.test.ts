import { describe, expect, it } from 'vitest';
import { DEVICES, uiTierGroups } from './settings';
import { presetPlan } from '../core';

describe('uiTierGroups', () => {
  it('shows every tier of the YONO preset, editable', () => {
    const rows = uiTierGroups(presetPlan('yono'));
    expect(rows.map((r) => [r.key, r.enabled])).toEqual([['coarse-spatial', true], ['coarse-pointwise', true], ['medium', true], ['fine', true]]);
    expect(rows[0].purpose).toContain('16,384 weights');
  });

  it('disables medium and fine while the fine tier is off, and drops coarse rows without a coarse threshold', () => {
    const rows = uiTierGroups({ ...presetPlan('yono'), fineTier: false, coarseMinParams: 0 });
    expect(rows.map((r) => [r.key, r.enabled])).toEqual([['medium', false], ['fine', false]]);
  });

  it('shows nothing for presets without tiers, other groupings or non-PQ plans', () => {
    for (const name of ['float32', 'int8', 'pq-per-model', 'pq-shared', 'pq-shared-recovery'] as const) {
      expect(uiTierGroups(presetPlan(name))).toEqual([]);
    }
    expect(uiTierGroups({ ...presetPlan('yono'), grouping: 'single' })).toEqual([]);
    expect(uiTierGroups({ ...presetPlan('yono'), defaultFormat: 'int8' })).toEqual([]);
    // A preset without tiers whose fine tier the user switched on shows medium and fine.
    expect(uiTierGroups({ ...presetPlan('pq-shared'), fineTier: true }).map((r) => r.key)).toEqual(['medium', 'fine']);
  });
});

describe('DEVICES', () => {
  it('labels each device from its core profile (name, SRAM, flash)', () => {
    expect(DEVICES.map((d) => d.id)).toEqual(['stm32f746', 'stm32h743', 'nrf52840', 'stm32f722']);
    expect(DEVICES[0].label).toMatch(/^STM32F746 \(Cortex-M7, 216 MHz.*\), 320 KB SRAM, 1 MB flash$/);
    expect(DEVICES[2].label).toMatch(/^nRF52840 .*, 256 KB SRAM, 1 MB flash$/);
  });
});
