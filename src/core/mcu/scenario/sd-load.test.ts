import { describe, expect, it } from 'vitest';
import { NRF52840, STM32F746 } from '../devices/index';
import { sdLoad, sdThroughput } from './sd-load';

describe('SD card model', () => {
  it('reproduces the cited F7 SDIO point within 30 %: 2.7 MB/s for 1 KB f_read (cnblogs FatFs + DMA test)', () => {
    const predicted = sdThroughput(STM32F746, 1024);
    expect(Math.abs(predicted / 2.7e6 - 1)).toBeLessThan(0.3);
  });

  it('SPI on the nRF52840 lands in the 0.5-1.7 MB/s of good SPI drivers for large reads', () => {
    const t = sdThroughput(NRF52840, 32 * 1024);
    expect(t).toBeGreaterThan(0.5e6);
    expect(t).toBeLessThan(1.7e6);
  });

  it('grows with bytes, shrinks with larger chunks, and charges MCU + card current', () => {
    const a = sdLoad(10_000, STM32F746, 4096, false);
    const b = sdLoad(100_000, STM32F746, 4096, false);
    const c = sdLoad(100_000, STM32F746, 32768, false);
    expect(b.s).toBeGreaterThan(a.s);
    expect(c.s).toBeLessThan(b.s);
    expect(b.reads).toBe(25);
    expect(b.j).toBeCloseTo(b.s * 3.3 * (0.090 + 0.065), 12);
  });

  it('rejects a chunk smaller than a sector', () => {
    expect(() => sdLoad(1000, STM32F746, 100, false)).toThrow(/512-byte sector/);
  });
});
