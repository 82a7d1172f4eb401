import { CODE_SIZES, SD_IDLE_A, SD_INIT_S, SD_OPEN_SECTOR_READS } from './common';
import { CORTEX_M4F } from './cores';
import type { DeviceProfile } from './types';

/**
 * nRF52840 (Arduino Nano 33 BLE class): Cortex-M4F at 64 MHz, 256 KB RAM, 1 MB flash, SD card on SPI.
 * The int8 engine uses the generic Cortex-M4 model calibrated on the STM32L4R5 at 120 MHz.
 */
export const NRF52840: DeviceProfile = {
  id: 'nrf52840',
  name: 'nRF52840 (Cortex-M4F, 64 MHz; Arduino Nano 33 BLE class)',
  core: CORTEX_M4F,
  // Zephyr / PlatformIO board docs: M4F 64 MHz, 256 KB RAM, 1 MB flash
  clockHz: 64e6,
  sramBytes: 256 * 1024,
  flashBytes: 1024 * 1024,
  flash: {
    // Not retrieved. The nRF52840 has an instruction cache (NVMC ICACHECNF, on by default in Zephyr) but no
    // data cache, so weight reads go to the flash. Estimate: 2 wait states per 32-bit word on such reads.
    // Contrast the L4R5 it is calibrated on: 5 WS at 120 MHz on 64-bit lines behind the ART accelerator
    // (0.625 cycles/byte). The per-instruction cost is taken as equal (both fetch code through a cache).
    waitStates: 2,
    lineBytes: 4,
    stallCyclesPerByte: 0.5,
    note: 'I-cache only; data reads from flash assumed 2 WS per word (estimate, PS figure not retrieved)',
  },
  sd: {
    bus: 'spi',
    // Derived: ESP32 SPI at 20 MHz costs ~0.35 ms per command + 0.29 ms per 512 B sector; the nRF52840 SPIM at
    // 8 MHz moves a sector 20/8 times slower: 0.725 ms -> 0.706 MB/s streaming (within the 0.5-1.7 MB/s of good
    // SPI drivers; issue 6).
    streamBytesPerS: 512 / 0.000725,
    perReadOverheadS: 0.00035,
    openSectorReads: SD_OPEN_SECTOR_READS,
    initS: SD_INIT_S,
    // "~20 mA read in SPI estimate" (SD current row, electrondepot thread)
    cardReadCurrentA: 0.020,
    cardIdleCurrentA: SD_IDLE_A,
  },
  power: {
    // the nRF52840 PS quotes its CPU currents at 3 V with the DC/DC on
    voltageV: 3.0,
    // CPU running CoreMark from flash: 3.3 mA (DC/DC, 3 V), quoted from the PS in a third-party design note
    activeCurrentA: 0.0033,
    // CPU polls while SPIM moves the data; SPIM/EasyDMA current not retrieved: the CPU current is used (estimate)
    sdWaitCurrentA: 0.0033,
    // System ON idle with RAM retention and an RTC wake-up: ~3 uA (estimate; PS figure not retrieved)
    sleepCurrentA: 3e-6,
  },
  code: CODE_SIZES,
};
