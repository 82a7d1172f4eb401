import { CODE_SIZES, SD_IDLE_A, SD_INIT_S, SD_OPEN_SECTOR_READS } from './common';
import { CORTEX_M7 } from './cores';
import type { DeviceProfile } from './types';

/** STM32F746NG (DISCO-F746NG class): Cortex-M7 at 216 MHz, SD card on SDMMC 4-bit. Sources: MCU-FIGURES.md. */
export const STM32F746: DeviceProfile = {
  id: 'stm32f746',
  name: 'STM32F746 (Cortex-M7, 216 MHz; DISCO-F746NG class)',
  core: CORTEX_M7,
  // Linux Documentation/arm/stm32/stm32f746-overview.rst; RM0385 §2.3
  clockHz: 216e6,
  // 320 KB = 64 KB DTCM + 240 KB SRAM1 + 16 KB SRAM2 (ITCM 16 KB is for code); same sources
  sramBytes: 320 * 1024,
  // 1 MB flash (same sources)
  flashBytes: 1024 * 1024,
  flash: {
    // 7 WS (8 cycles) at 216 MHz, 2.7-3.6 V (30 MHz per WS, RM0090/RM0390 grid); 256-bit flash lines
    waitStates: 7,
    lineBytes: 32,
    // Fitted on the AD point (the only weight-streaming-bound MLPerf model: 284 KB of int8 weights in 1.7 ms).
    // 7 WS per 32-byte line alone would be 0.22; the AXI path and D-cache line fills add the rest (~13 cycles
    // per 32-byte line). With 0.22 the AD point is -7 %/-8 % off instead of -1 %.
    stallCyclesPerByte: 0.4,
    note: '7 WS at 216 MHz; ART + L1 cache hide instruction fetch; weight streaming stalls ~0.4 cycle/byte (fitted on MLPerf AD)',
  },
  sd: {
    bus: 'sdmmc-4bit',
    // Derived: the Teensy 3.6 SDIO fit (512 B -> 2.2 MB/s, 32 KB -> 15.1 MB/s gives 16.6 MB/s streaming + 0.2 ms
    // per f_read) on a 50 MHz 4-bit bus (25 MB/s raw, 67 % efficiency) applied to the F746 HAL default
    // SDMMC_CK = 48 MHz / 2 = 24 MHz (12 MB/s raw) -> 8.0 MB/s. Check: a 1 KB f_read then takes 0.33 ms = 3.1 MB/s;
    // the cnblogs FatFs+DMA test measured 2.7 MB/s at 1 KB (sd-model.test.ts).
    streamBytesPerS: 8.0e6,
    // "~0.2 ms per f_read call (Teensy SDIO, fit of 512 B vs 32 KB)"
    perReadOverheadS: 0.0002,
    openSectorReads: SD_OPEN_SECTOR_READS,
    initS: SD_INIT_S,
    // "typical ~65 mA read" (SD current row)
    cardReadCurrentA: 0.065,
    cardIdleCurrentA: SD_IDLE_A,
  },
  power: {
    // DISCO-F746NG supply rail
    voltageV: 3.3,
    // STM32F72x at 216 MHz (proxy for the F746): 90 mA typ, all peripherals off, flash with ART + L1 on
    // (DS DocID029808 Rev 3, Tables 25-27); all peripherals on would be 155.3 mA
    activeCurrentA: 0.090,
    // CPU waits in run mode while SDMMC + DMA move the data (FatFs blocking read); peripheral currents of SDMMC and
    // DMA not retrieved: the run current above is used (estimate, low by the SDMMC share)
    sdWaitCurrentA: 0.090,
    // Sleep mode at 216 MHz, peripherals off: 24 mA (same DS, Table 30); wake-up in a few cycles
    sleepCurrentA: 0.024,
  },
  code: CODE_SIZES,
};
