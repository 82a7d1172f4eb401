import { CODE_SIZES, SD_IDLE_A, SD_INIT_S, SD_OPEN_SECTOR_READS } from './common';
import { CORTEX_M7 } from './cores';
import type { DeviceProfile } from './types';

/** STM32H743 (rev V): Cortex-M7 at 480 MHz, 1 MB RAM, 2 MB flash, SD card on SDMMC 4-bit. Sources: MCU-FIGURES.md. */
export const STM32H743: DeviceProfile = {
  id: 'stm32h743',
  name: 'STM32H743 (Cortex-M7, 480 MHz)',
  // same core as the F746: the int8 cycles/insn calibrated on the DISCO-F746NG is reused (estimate: the H7's
  // larger caches and AXI SRAM would, if anything, make it faster per cycle)
  core: CORTEX_M7,
  // Linux stm32h743-overview.rst: 400 MHz rev Y, 480 MHz rev V (issue 6 asks for 480 MHz)
  clockHz: 480e6,
  // "1 MB RAM" (Linux stm32h743-overview.rst); banks: 512 KB AXI + 288 KB SRAM1-3 + 64 KB SRAM4 + 128 KB DTCM
  sramBytes: 1024 * 1024,
  // 2 MB flash (Linux stm32h743-overview.rst)
  flashBytes: 2 * 1024 * 1024,
  flash: {
    // RM0433: 4 WS with the AXI clock at 240 MHz (CPU:AXI = 2:1); 256-bit flash words
    waitStates: 4,
    lineBytes: 32,
    // Derived from the F746 fit (0.40 cycles/byte for an 8-CPU-cycle line): (4 + 1) AXI cycles = 10 CPU cycles
    // per line -> 0.40 x 10 / 8 = 0.50 cycles/byte
    stallCyclesPerByte: 0.5,
    note: '4 WS at 240 MHz AXI (CPU 480 MHz); weight streaming ~0.5 cycle/byte (derived from the F746 fit)',
  },
  sd: {
    bus: 'sdmmc-4bit',
    // Derived: SDMMC in high-speed mode at 50 MHz, 4-bit (25 MB/s raw) is the Teensy 3.6 SDIO bus, so its fit
    // applies directly: 16.6 MB/s streaming (512 B -> 2.2 MB/s, 32 KB -> 15.1 MB/s)
    streamBytesPerS: 16.6e6,
    perReadOverheadS: 0.0002,
    openSectorReads: SD_OPEN_SECTOR_READS,
    initS: SD_INIT_S,
    cardReadCurrentA: 0.065,
    cardIdleCurrentA: SD_IDLE_A,
  },
  power: {
    voltageV: 3.3,
    // H743 run current not retrieved. Derived from the H7A3 under MLPerf NN load (~155 mW at 3.0 V with SMPS ->
    // ~52 mA at 280 MHz = 0.186 mA/MHz) scaled to 480 MHz -> 89 mA. Likely low: the H743 runs its core from an
    // LDO, not an SMPS, and is the older design.
    activeCurrentA: 0.089,
    sdWaitCurrentA: 0.089,
    // Derived: the F72x sleep/run ratio (24 / 90 mA) applied to the run current above -> 24 mA
    sleepCurrentA: 0.024,
  },
  code: CODE_SIZES,
};
