import { CODE_SIZES, SD_IDLE_A, SD_INIT_S, SD_OPEN_SECTOR_READS } from './common';
import { CORTEX_M4F } from './cores';
import type { DeviceProfile } from './types';

/**
 * NUCLEO-L4R5ZI: STM32L4R5 (Cortex-M4, 120 MHz, 640 KB SRAM, 2 MB flash). Not a simulation target: the board
 * on which the generic Cortex-M4 model is calibrated (MLPerf Tiny, microTVM + CMSIS-NN). Sources: MCU-FIGURES.md.
 */
export const STM32L4R5_CALIBRATION: DeviceProfile = {
  id: 'stm32l4r5',
  name: 'STM32L4R5 (Cortex-M4, 120 MHz; NUCLEO-L4R5ZI, calibration only)',
  core: CORTEX_M4F,
  // M4 120 MHz, 640 KB SRAM, 2 MB flash (MCU-FIGURES.md, STM32L4R5 row)
  clockHz: 120e6,
  sramBytes: 640 * 1024,
  flashBytes: 2 * 1024 * 1024,
  flash: {
    // RM0432 (L4+), range 1 boost: 5 WS at 120 MHz (20 MHz per WS); 64-bit flash lines behind the ART
    // accelerator. Derived: 5 stall cycles per 8-byte line = 0.625 cycles/byte when prefetch does not hide it.
    waitStates: 5,
    lineBytes: 8,
    stallCyclesPerByte: 0.625,
    note: '5 WS at 120 MHz, 64-bit lines, ART accelerator',
  },
  // SD and sleep figures are not used by the calibration (compute only): SPI at 20 MHz as measured on the ESP32
  sd: {
    bus: 'spi', streamBytesPerS: 512 / 0.00029, perReadOverheadS: 0.00035, openSectorReads: SD_OPEN_SECTOR_READS,
    initS: SD_INIT_S, cardReadCurrentA: 0.020, cardIdleCurrentA: SD_IDLE_A,
  },
  // ~45 mW at 3.0 V (~15 mA) under NN load (MLPerf v1.0 ST energy, derived)
  power: { voltageV: 3.0, activeCurrentA: 0.015, sdWaitCurrentA: 0.015, sleepCurrentA: 0.001 },
  code: CODE_SIZES,
};

/** The DISCO-F746NG calibration board is the STM32F746 profile itself. */
export { STM32F746 as DISCO_F746NG } from './stm32f746';
