import { describe, expect, it } from 'vitest';
import { DEVICES } from './settings';

describe('DEVICES', () => {
  it('labels each device from its core profile (name, SRAM, flash)', () => {
    expect(DEVICES.map((d) => d.id)).toEqual(['stm32f746', 'stm32h743', 'nrf52840', 'stm32f722']);
    expect(DEVICES[0].label).toMatch(/^STM32F746 \(Cortex-M7, 216 MHz.*\), 320 KB SRAM, 1 MB flash$/);
    expect(DEVICES[2].label).toMatch(/^nRF52840 .*, 256 KB SRAM, 1 MB flash$/);
  });
});
